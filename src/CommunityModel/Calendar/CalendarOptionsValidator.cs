using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Calendar;

/// <summary>
/// Checks <see cref="CalendarOptions"/> at start-up (and <see cref="ActivityPlan.Create"/> checks them again): every
/// problem, each naming its setting by configuration path under the section the options were bound from (e.g.
/// <c>Community:Calendar:AttributionWindow</c>), or relative to the options.
/// </summary>
public sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>AttributionWindow</c>.</summary>
    public CalendarOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Calendar</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public CalendarOptionsValidator(string? sectionPath) => _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Problems(options).Select(p => _prefix + p).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem of the options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The problems; empty when the options are usable.</returns>
    public static IReadOnlyList<string> Problems(CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.MinimumActivitiesPerWeek < 0)
        {
            problems.Add($"MinimumActivitiesPerWeek is {options.MinimumActivitiesPerWeek}; it must be zero (no gaps reported) or more.");
        }

        if (!Enum.IsDefined(options.WeekStartsOn))
        {
            problems.Add($"WeekStartsOn is {(int)options.WeekStartsOn}; it must be a day of the week.");
        }

        if (options.UtcOffset < TimeSpan.FromHours(-14) || options.UtcOffset > TimeSpan.FromHours(14) || options.UtcOffset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            problems.Add($"UtcOffset is {options.UtcOffset}; it must be whole minutes between -14:00 and +14:00.");
        }

        if (options.AttributionWindow < TimeSpan.Zero)
        {
            problems.Add($"AttributionWindow is {options.AttributionWindow}; it must be zero or positive.");
        }

        if (!Enum.IsDefined(options.Rounding))
        {
            problems.Add($"Rounding is {(int)options.Rounding}; it must be one of {string.Join(", ", Enum.GetNames<RoundingMode>())}.");
        }

        return problems;
    }
}
