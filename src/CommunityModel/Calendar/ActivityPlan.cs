using System.Collections.Immutable;

namespace CommunityModel.Calendar;

/// <summary>
/// A month's plan of activities (活动排期) for the organisation's groups: each activity a play for one group, in a window
/// that starts in the month. Build it with <see cref="Create"/>, which refuses a plan that contradicts itself.
/// </summary>
public sealed record ActivityPlan
{
    private ActivityPlan(int year, int month, ImmutableArray<string> groups, ImmutableArray<PlannedActivity> activities, CalendarOptions options)
    {
        Year = year;
        Month = month;
        Groups = groups;
        Activities = activities;
        Options = options;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>The groups the plan covers, those without activities included (they show as gaps), in order given then first planned.</summary>
    public ImmutableArray<string> Groups { get; }

    /// <summary>The activities, by start, then id.</summary>
    public ImmutableArray<PlannedActivity> Activities { get; }

    /// <summary>The calendar's rules.</summary>
    public CalendarOptions Options { get; }

    /// <summary>The month's first day.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The month's last day.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>Checks and builds a month's plan.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="groups">The groups the plan covers; groups of the activities are added.</param>
    /// <param name="activities">The activities.</param>
    /// <param name="options">The rules; the defaults when <see langword="null"/>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CalendarException">
    /// The options are unusable (<see cref="ErrorCodes.CalendarInvalidOptions"/>), or the plan is (<see cref="ErrorCodes.CalendarInvalidPlan"/>:
    /// a month out of range, an activity without id, group, title or organiser, an id twice, a window that ends before it
    /// starts or starts outside the month, an unknown play kind); every problem named.
    /// </exception>
    public static ActivityPlan Create(int year, int month, IEnumerable<string> groups, IEnumerable<PlannedActivity> activities, CalendarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(activities);
        options ??= new CalendarOptions();
        var optionProblems = CalendarOptionsValidator.Problems(options);
        if (optionProblems.Count > 0)
        {
            throw new CalendarException(ErrorCodes.CalendarInvalidOptions, "Calendar options are invalid: " + string.Join(" ", optionProblems.Select(p => "Calendar:" + p)));
        }

        var problems = new List<string>();
        if (year is < 1 or > 9998 || month is < 1 or > 12)
        {
            throw new CalendarException(ErrorCodes.CalendarInvalidPlan, $"The plan's month {year}-{month} is not a month.", "Month");
        }

        var first = new DateTimeOffset(year, month, 1, 0, 0, 0, options.UtcOffset);
        var next = first.AddMonths(1);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<PlannedActivity>();
        foreach (var a in activities)
        {
            if (a is null)
            {
                problems.Add("an activity is missing");
                continue;
            }

            var name = string.IsNullOrWhiteSpace(a.ActivityId) ? "an activity without an id" : $"activity '{a.ActivityId}'";
            if (string.IsNullOrWhiteSpace(a.ActivityId))
            {
                problems.Add("an activity has no id");
            }
            else if (!ids.Add(a.ActivityId))
            {
                problems.Add($"{name} is planned twice");
            }

            if (string.IsNullOrWhiteSpace(a.GroupId))
            {
                problems.Add($"{name} has no group");
            }

            if (string.IsNullOrWhiteSpace(a.Title))
            {
                problems.Add($"{name} has no title");
            }

            if (a.Organiser.IsEmpty)
            {
                problems.Add($"{name} has no organiser");
            }

            if (!Enum.IsDefined(a.Kind))
            {
                problems.Add($"{name} is of play kind {(int)a.Kind}, which is not a play");
            }

            if (a.EndsAt <= a.StartsAt)
            {
                problems.Add($"{name} ends at {a.EndsAt:O}, not after it starts at {a.StartsAt:O}");
            }

            if (a.StartsAt < first || a.StartsAt >= next)
            {
                problems.Add($"{name} starts at {a.StartsAt:O}, outside {year}-{month:00} (UTC{(options.UtcOffset < TimeSpan.Zero ? "-" : "+")}{options.UtcOffset:hh\\:mm})");
            }

            list.Add(a);
        }

        var groupList = new List<string>();
        foreach (var g in groups.Concat(list.Select(a => a.GroupId)))
        {
            if (string.IsNullOrWhiteSpace(g))
            {
                continue;
            }

            if (!groupList.Contains(g, StringComparer.Ordinal))
            {
                groupList.Add(g);
            }
        }

        if (problems.Count > 0)
        {
            throw new CalendarException(ErrorCodes.CalendarInvalidPlan, $"The plan for {year}-{month:00} is invalid: " + string.Join("; ", problems) + ".", "Activities");
        }

        return new ActivityPlan(year, month, [.. groupList], [.. list.OrderBy(a => a.StartsAt).ThenBy(a => a.ActivityId, StringComparer.Ordinal)], options);
    }

    /// <summary>An activity of the plan by id.</summary>
    /// <param name="activityId">The id.</param>
    /// <returns>The activity, or <see langword="null"/>.</returns>
    public PlannedActivity? Activity(string activityId)
    {
        foreach (var a in Activities)
        {
            if (string.Equals(a.ActivityId, activityId, StringComparison.Ordinal))
            {
                return a;
            }
        }

        return null;
    }
}
