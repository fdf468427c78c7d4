using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>
/// The orders of a period segmented by who placed them: by the membership tier held at the time of each order and by
/// the value-chain stage at that time, with members against ordinary customers side by side. Revenue adds up over
/// the tier lines, and over the stage lines, to <see cref="Total"/> to the minor unit.
/// </summary>
/// <param name="Period">The period.</param>
/// <param name="Total">Every order of the period (<see cref="Everyone"/>).</param>
/// <param name="ByTier">One line per tier held at the time of an order, and <see cref="NoTier"/> for orders of members holding none; in ordinal order of the segment name.</param>
/// <param name="ByStage">One line per value-chain stage at the time of an order, in value-chain order, then <see cref="UnknownStage"/>.</param>
/// <param name="MembersAgainstCustomers">Members (any tier) against ordinary customers (no tier).</param>
/// <param name="Churn">The period's churn (as in <see cref="AarrrReport.Churn"/>) the lifetime values divide by; null when nobody was paying at the start.</param>
/// <param name="GrossMargin">The gross margin of the margin lifetime values (<see cref="MetricsOptions.GrossMargin"/>).</param>
public sealed record SegmentReport(
    MetricsPeriod Period,
    SegmentLine Total,
    ImmutableArray<SegmentLine> ByTier,
    ImmutableArray<SegmentLine> ByStage,
    MembersAgainstCustomers MembersAgainstCustomers,
    Rate? Churn,
    Rate GrossMargin)
{
    /// <summary>The segment of every order: <c>*</c>.</summary>
    public const string Everyone = "*";

    /// <summary>The tier segment of orders placed while holding no membership (ordinary customers): <c>none</c>.</summary>
    public const string NoTier = "none";

    /// <summary>The segment of orders placed while holding any membership tier: <c>members</c>.</summary>
    public const string AnyTier = "members";

    /// <summary>The stage segment of orders by members whose stage no <see cref="Lifecycle.MemberTransitioned"/> had told yet: <c>unknown</c>.</summary>
    public const string UnknownStage = "unknown";
}
