namespace CommunityModel.Metrics;

/// <summary>What one pass of <see cref="CommunityMetrics.Compute"/> built; a section is null when it was not asked for.</summary>
/// <param name="Period">The period.</param>
/// <param name="Funnel">The value-chain funnel.</param>
/// <param name="Retention">The retention cohorts.</param>
/// <param name="ActiveUsers">DAU, WAU, MAU and DAU/MAU per day.</param>
/// <param name="Sales">Sales by channel.</param>
/// <param name="Renewals">Renewal rates.</param>
/// <param name="Aarrr">AARRR, churn, lifetime value, referral and invitations.</param>
/// <param name="Segments">Orders by membership tier and value-chain stage, members against ordinary customers.</param>
public sealed record MetricsReport(
    MetricsPeriod Period,
    FunnelReport? Funnel,
    RetentionReport? Retention,
    ActiveUsersReport? ActiveUsers,
    SalesReport? Sales,
    RenewalReport? Renewals,
    AarrrReport? Aarrr,
    SegmentReport? Segments);
