namespace CommunityModel.Metrics;

/// <summary>The length of a retention cohort's period: members are grouped, and return is counted, by day, calendar week or calendar month.</summary>
public enum CohortGranularity
{
    /// <summary>Local calendar days (day-1, day-7 retention).</summary>
    Day = 0,

    /// <summary>Calendar weeks starting on <see cref="MetricsOptions.FirstDayOfWeek"/>.</summary>
    Week = 1,

    /// <summary>Calendar months.</summary>
    Month = 2,
}
