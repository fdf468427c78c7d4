using CommunityModel.Lifecycle;
using Microsoft.Extensions.Options;

namespace CommunityModel.Metrics;

/// <summary>Checks <see cref="MetricsOptions"/> at start-up and names every bad value.</summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> Failures(MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Metrics:TimeZone is '{options.TimeZone}'; it must be a time zone id this system knows, e.g. 'Asia/Shanghai'.");
        }

        if (!Enum.IsDefined(options.FirstDayOfWeek))
        {
            failures.Add($"Metrics:FirstDayOfWeek is {options.FirstDayOfWeek}; it must be a day of the week.");
        }

        if (!global::CommunityModel.Currency.TryFromCode(options.Currency, out _))
        {
            failures.Add($"Metrics:Currency is '{options.Currency}'; it must be an ISO 4217 code such as 'CNY'.");
        }

        if (FunnelDefinition.Problem(options.FunnelStages) is { } funnelProblem)
        {
            failures.Add($"Metrics:FunnelStages: {funnelProblem}");
        }

        if (options.ConversionWindowDays is < 1 or > 3660)
        {
            failures.Add($"Metrics:ConversionWindowDays is {options.ConversionWindowDays}; it must be between 1 and 3660 days.");
        }

        if (!Enum.IsDefined(options.ActivationSignal))
        {
            failures.Add($"Metrics:ActivationSignal is {options.ActivationSignal}; it must be Activity, Attendance, Purchase or StageReached.");
        }

        if (options.ActivationSignal == ActivationSignal.StageReached && !FunnelDefinition.IsOnMainChain(options.ActivationStage))
        {
            failures.Add($"Metrics:ActivationStage is {options.ActivationStage}; it must be a stage of the main chain (Prospect, Fan, Customer, Member, Partner).");
        }

        if (options.ActivationWithinDays is < 1 or > 3660)
        {
            failures.Add($"Metrics:ActivationWithinDays is {options.ActivationWithinDays}; it must be between 1 and 3660 days.");
        }

        if (options.RenewalGraceDays is < 0 or > 3660)
        {
            failures.Add($"Metrics:RenewalGraceDays is {options.RenewalGraceDays}; it must be between 0 and 3660 days.");
        }

        return failures;
    }
}
