using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>One retention cohort: the members who formed it and how many were active again 0, 1, 2, ... periods later.</summary>
/// <param name="PeriodStart">The first calendar day of the cohort's day, week or month.</param>
/// <param name="Size">Members in the cohort.</param>
/// <param name="Returned">At index k, the members of the cohort active k periods after it (index 0 is <see cref="Size"/>), up to the report's last period.</param>
public sealed record RetentionCohort(DateOnly PeriodStart, long Size, ImmutableArray<long> Returned)
{
    /// <summary>The retention rates: at index k, Returned[k] ÷ Size; empty when the cohort is empty.</summary>
    public ImmutableArray<Rate> Rates => Size == 0 ? [] : [.. Returned.Select(r => Rate.Of(r, Size))];
}
