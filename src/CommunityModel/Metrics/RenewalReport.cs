using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>The renewal rate of membership terms that ended in a period: per tier and term, per tier, and overall.</summary>
/// <param name="Period">The days the terms ended in.</param>
/// <param name="Grace">How long after a term's end a new term still renews it.</param>
/// <param name="ByTierAndTerm">One line per tier and term number, ordered by tier then term.</param>
/// <param name="ByTier">One line per tier, all terms together.</param>
/// <param name="Total">All tiers and terms together.</param>
public sealed record RenewalReport(MetricsPeriod Period, TimeSpan Grace, ImmutableArray<RenewalLine> ByTierAndTerm, ImmutableArray<RenewalLine> ByTier, RenewalLine Total);
