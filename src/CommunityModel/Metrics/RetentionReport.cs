using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>Retention cohorts of a period: a triangle of members returning 0, 1, 2, ... days, weeks or months later.</summary>
/// <param name="Period">The days whose activity counts.</param>
/// <param name="Granularity">Days, weeks or months.</param>
/// <param name="Kind">First-time or recurring cohorts.</param>
/// <param name="Cohorts">One cohort per day, week or month the period touches, oldest first.</param>
public sealed record RetentionReport(MetricsPeriod Period, CohortGranularity Granularity, RetentionKind Kind, ImmutableArray<RetentionCohort> Cohorts)
{
    /// <summary>
    /// The members of all cohorts together: for first-time cohorts, the members first active in the period;
    /// for recurring cohorts, the distinct (member, day/week/month) pairs of activity.
    /// </summary>
    public long TotalSize => Cohorts.Sum(c => c.Size);
}
