namespace CommunityModel.Metrics;

/// <summary>
/// Members against ordinary customers in a period: do members buy more often and spend more per order? Each ratio is
/// the members' figure ÷ the customers' (above 1: members do more).
/// </summary>
/// <param name="Members">Orders placed while holding any membership tier (<see cref="SegmentReport.AnyTier"/>).</param>
/// <param name="Customers">Orders placed while holding none (<see cref="SegmentReport.NoTier"/>).</param>
public sealed record MembersAgainstCustomers(SegmentLine Members, SegmentLine Customers)
{
    /// <summary>Members' orders per buyer ÷ customers' orders per buyer; null when either side had no buyers.</summary>
    public decimal? FrequencyRatio =>
        Members.OrdersPerBuyer is { } members && Customers.OrdersPerBuyer is { } customers ? members / customers : null;

    /// <summary>Members' average order value ÷ customers'; null when either side had no orders or the customers' average is not above zero.</summary>
    public decimal? OrderValueRatio =>
        Members.AverageOrderValue is { } members && Customers.AverageOrderValue is { IsPositive: true } customers ? members.Amount / customers.Amount : null;
}
