namespace CommunityModel.Calendar;

/// <summary>Checks <see cref="CalendarOptions"/>: every problem, each naming its setting.</summary>
public static class CalendarOptionsValidator
{
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
