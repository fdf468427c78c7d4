using CommunityModel.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Metrics.Simulation;

/// <summary>
/// Checks <see cref="GrowthSimulationOptions"/> at start-up and names every bad value.
/// Each failure names its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Simulation:Months</c>), or relative to the options (<c>Months</c>) when they were set in code.
/// </summary>
public sealed class GrowthSimulationOptionsValidator : IValidateOptions<GrowthSimulationOptions>
{
    /// <summary>The most leads the budget may buy in a month.</summary>
    internal const long MaxLeadsPerMonth = 1_000_000;

    /// <summary>The largest budget, cost or price accepted, so a run's sums stay far inside <see cref="Money"/>'s range.</summary>
    internal const decimal MaxAmount = 100_000_000m;

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

        if (!Enum.IsDefined(options.Draws))
        {
            failures.Add($"{_prefix}Draws is {options.Draws}; it must be Sampled or Expected.");
        }

        var known = global::CommunityModel.Currency.TryFromCode(options.Currency, out var currency);
        if (!known)
        {
            failures.Add($"{_prefix}Currency is '{options.Currency}'; it must be an ISO 4217 code such as 'CNY'.");
        }

        var currencyOrNull = known ? currency : (Currency?)null;
        CheckAmount(failures, "MonthlyBudget", options.MonthlyBudget, currencyOrNull);
        CheckAmount(failures, "CostPerLead", options.CostPerLead, currencyOrNull);
        if (options.CostPerLead <= 0m)
        {
            failures.Add($"{_prefix}CostPerLead is {options.CostPerLead}; a lead must cost more than zero.");
        }
        else if (options.MonthlyBudget >= 0m && decimal.Floor(options.MonthlyBudget / options.CostPerLead) > MaxLeadsPerMonth)
        {
            failures.Add($"{_prefix}MonthlyBudget {options.MonthlyBudget} at CostPerLead {options.CostPerLead} buys more than {MaxLeadsPerMonth:N0} leads a month.");
        }

        CheckRate(failures, "FanConversion", options.FanConversion);
        CheckRate(failures, "CustomerConversion", options.CustomerConversion);
        CheckRate(failures, "MemberConversion", options.MemberConversion);
        CheckRate(failures, "PartnerConversion", options.PartnerConversion);
        CheckRate(failures, "FanChurn", options.FanChurn);
        CheckRate(failures, "CustomerChurn", options.CustomerChurn);
        CheckRate(failures, "RepurchaseRate", options.RepurchaseRate);
        CheckRate(failures, "RenewalRate", options.RenewalRate);
        CheckRate(failures, "ReferralCoefficient", options.ReferralCoefficient);
        if (options.CustomerConversion + options.FanChurn > Rate.One)
        {
            failures.Add($"{_prefix}CustomerConversion {options.CustomerConversion} and FanChurn {options.FanChurn} add up to more than 100% of the fans.");
        }

        if (options.MemberConversion + options.CustomerChurn > Rate.One)
        {
            failures.Add($"{_prefix}MemberConversion {options.MemberConversion} and CustomerChurn {options.CustomerChurn} add up to more than 100% of the customers.");
        }

        CheckAmount(failures, "LeadMagnetPrice", options.LeadMagnetPrice, currencyOrNull);
        CheckAmount(failures, "EntryPrice", options.EntryPrice, currencyOrNull);
        CheckAmount(failures, "HighTicketPrice", options.HighTicketPrice, currencyOrNull);
        CheckAmount(failures, "PremiumPrice", options.PremiumPrice, currencyOrNull);
        CheckAmount(failures, "VipFee", options.VipFee, currencyOrNull);
        CheckAmount(failures, "KaFee", options.KaFee, currencyOrNull);
        if (options.KaFee < options.VipFee)
        {
            failures.Add($"{_prefix}KaFee {options.KaFee} is below VipFee {options.VipFee}; an upgrade pays the difference, which cannot be negative.");
        }

        if (LevelRatePayout.Problem([.. (IEnumerable<Rate>?)options.LevelRates ?? GrowthSimulationOptions.DefaultLevelRates], options.PayoutCap) is { } payoutProblem)
        {
            failures.Add($"{_prefix}LevelRates / PayoutCap: {payoutProblem}");
        }

        return failures;
    }

    private void CheckRate(List<string> failures, string name, Rate rate)
    {
        if (!rate.IsBetweenZeroAndOne)
        {
            failures.Add($"{_prefix}{name} is {rate}; it must be within 0% and 100%.");
        }
    }

    private void CheckAmount(List<string> failures, string name, decimal amount, Currency? currency)
    {
        if (amount < 0m)
        {
            failures.Add($"{_prefix}{name} is {amount}; it cannot be negative.");
        }
        else if (amount > MaxAmount)
        {
            failures.Add($"{_prefix}{name} is {amount}; it must be at most {MaxAmount:N0}.");
        }
        else if (currency is { } c && decimal.Round(amount, c.MinorDigits) != amount)
        {
            failures.Add($"{_prefix}{name} is {amount}; {c.Code} has {c.MinorDigits} decimal places.");
        }
    }
}
