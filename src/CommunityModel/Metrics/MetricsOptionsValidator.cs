using CommunityModel.Lifecycle;
using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Metrics;

/// <summary>
/// Checks <see cref="MetricsOptions"/> at start-up and names every bad value.
/// Each failure names its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Metrics:TimeZone</c>), or relative to the options (<c>TimeZone</c>) when they were set in code.
/// </summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>TimeZone</c>.</summary>
    public MetricsOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Metrics</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public MetricsOptionsValidator(string? sectionPath) =>
        _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal List<string> Failures(MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(options.BindingProblems);
        if (string.IsNullOrWhiteSpace(options.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"{_prefix}TimeZone is '{options.TimeZone}'; it must be a time zone id this system knows, e.g. 'Asia/Shanghai'.");
        }

        if (!Enum.IsDefined(options.FirstDayOfWeek))
        {
            failures.Add($"{_prefix}FirstDayOfWeek is {options.FirstDayOfWeek}; it must be a day of the week.");
        }

        if (!global::CommunityModel.Currency.TryFromCode(options.Currency, out _))
        {
            failures.Add($"{_prefix}Currency is '{options.Currency}'; it must be an ISO 4217 code such as 'CNY'.");
        }

        if (FunnelDefinition.Problem(options.FunnelStages) is { } funnelProblem)
        {
            failures.Add($"{_prefix}FunnelStages: {funnelProblem}");
        }

        if (options.ConversionWindowDays is < 1 or > 3660)
        {
            failures.Add($"{_prefix}ConversionWindowDays is {options.ConversionWindowDays}; it must be between 1 and 3660 days.");
        }

        if (!Enum.IsDefined(options.ActivationSignal))
        {
            failures.Add($"{_prefix}ActivationSignal is {options.ActivationSignal}; it must be Activity, Attendance, Purchase or StageReached.");
        }

        if (options.ActivationSignal == ActivationSignal.StageReached && !FunnelDefinition.IsOnMainChain(options.ActivationStage))
        {
            failures.Add($"{_prefix}ActivationStage is {options.ActivationStage}; it must be a stage of the main chain (Prospect, Fan, Customer, Member, Partner).");
        }

        if (options.ActivationWithinDays is < 1 or > 3660)
        {
            failures.Add($"{_prefix}ActivationWithinDays is {options.ActivationWithinDays}; it must be between 1 and 3660 days.");
        }

        if (options.RenewalGraceDays is < 0 or > 3660)
        {
            failures.Add($"{_prefix}RenewalGraceDays is {options.RenewalGraceDays}; it must be between 0 and 3660 days.");
        }

        if (!options.GrossMargin.IsBetweenZeroAndOne)
        {
            failures.Add($"{_prefix}GrossMargin is {options.GrossMargin}; it must be between 0% and 100%.");
        }

        return failures;
    }
}
