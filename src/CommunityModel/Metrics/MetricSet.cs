namespace CommunityModel.Metrics;

/// <summary>Which metrics <see cref="CommunityMetrics.Compute"/> builds in its single pass; combine with <c>|</c>.</summary>
[Flags]
public enum MetricSet
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The value-chain funnel (<see cref="FunnelReport"/>).</summary>
    Funnel = 1,

    /// <summary>Retention cohorts (<see cref="RetentionReport"/>).</summary>
    Retention = 2,

    /// <summary>DAU, WAU, MAU and DAU/MAU (<see cref="ActiveUsersReport"/>).</summary>
    ActiveUsers = 4,

    /// <summary>Sales by channel, the traditional formula, repeat purchase (<see cref="SalesReport"/>).</summary>
    Sales = 8,

    /// <summary>Renewal rates per tier and term (<see cref="RenewalReport"/>).</summary>
    Renewals = 16,

    /// <summary>AARRR, churn, lifetime value, referral share and the two K-factors (<see cref="AarrrReport"/>).</summary>
    Aarrr = 32,

    /// <summary>Orders by membership tier and value-chain stage, members against ordinary customers (<see cref="SegmentReport"/>).</summary>
    Segments = 64,

    /// <summary>Everything.</summary>
    All = Funnel | Retention | ActiveUsers | Sales | Renewals | Aarrr | Segments,
}
