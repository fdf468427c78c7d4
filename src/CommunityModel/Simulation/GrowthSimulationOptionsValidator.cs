using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Simulation;

/// <summary>
/// Checks <see cref="GrowthSimulationOptions"/> at start-up and names every bad value.
/// Each failure names its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Simulation:Months</c>), or relative to the options (<c>Months</c>) when they were set in code.
/// Whether the items named exist is checked against the community when the simulator is made.
/// </summary>
public sealed class GrowthSimulationOptionsValidator : IValidateOptions<GrowthSimulationOptions>
{
    /// <summary>The most leads that may be bought in a month.</summary>
    internal const int MaxLeadsPerMonth = 100_000;

    /// <summary>The largest base cost per lead accepted, so a run's sums stay far inside <see cref="Money"/>'s range.</summary>
    internal const decimal MaxCostPerLead = 1_000_000m;

    /// <summary>The largest elasticity accepted.</summary>
    internal const decimal MaxElasticity = 100m;

    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>Months</c>.</summary>
    public GrowthSimulationOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Simulation</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public GrowthSimulationOptionsValidator(string? sectionPath) =>
        _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, GrowthSimulationOptions options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal List<string> Failures(GrowthSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Months is < 1 or > 120)
        {
            failures.Add($"{_prefix}Months is {options.Months}; it must be between 1 and 120.");
        }

        if (options.LeadsPerMonth is < 0 or > MaxLeadsPerMonth)
        {
            failures.Add($"{_prefix}LeadsPerMonth is {options.LeadsPerMonth}; it must be between 0 and {MaxLeadsPerMonth:N0}.");
        }

        if (options.CostPerLead is < 0m or > MaxCostPerLead)
        {
            failures.Add($"{_prefix}CostPerLead is {options.CostPerLead}; it must be between 0 and {MaxCostPerLead:N0}.");
        }

        if (options.TrafficCostElasticity is < 0m or > MaxElasticity)
        {
            failures.Add($"{_prefix}TrafficCostElasticity is {options.TrafficCostElasticity}; it must be between 0 and {MaxElasticity:N0}.");
        }

        if (options.ReferenceLeads < 1)
        {
            failures.Add($"{_prefix}ReferenceLeads is {options.ReferenceLeads}; it must be at least 1.");
        }

        CheckItem(failures, "LeadProduct", options.LeadProduct);
        CheckItem(failures, "EntryCourse", options.EntryCourse);
        CheckItem(failures, "HighTicketCourse", options.HighTicketCourse);
        CheckItem(failures, "VipTier", options.VipTier);
        CheckItem(failures, "KaTier", options.KaTier);
        CheckRate(failures, "LeadProductRate", options.LeadProductRate);
        CheckRate(failures, "EntryCourseRate", options.EntryCourseRate);
        CheckRate(failures, "HighTicketCourseRate", options.HighTicketCourseRate);
        CheckRate(failures, "ChurnRate", options.ChurnRate);
        CheckRate(failures, "MembershipUptake", options.MembershipUptake);
        CheckRate(failures, "KaUpgradeRate", options.KaUpgradeRate);
        CheckRate(failures, "RenewalRate", options.RenewalRate);
        CheckRate(failures, "ReferralRate", options.ReferralRate);
        CheckRate(failures, "RefundRate", options.RefundRate);
        return failures;
    }

    private void CheckRate(List<string> failures, string name, Rate rate)
    {
        if (!rate.IsBetweenZeroAndOne)
        {
            failures.Add($"{_prefix}{name} is {rate}; it must be within 0% and 100%.");
        }
    }

    private void CheckItem(List<string> failures, string name, string? item)
    {
        if (string.IsNullOrWhiteSpace(item))
        {
            failures.Add($"{_prefix}{name} is empty; it must name an item the community sells.");
        }
    }
}
