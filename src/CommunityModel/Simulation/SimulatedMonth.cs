namespace CommunityModel.Simulation;

/// <summary>One month of a growth simulation: both sides bought the same leads at the same price.</summary>
/// <param name="Month">The month, 1 for the first.</param>
/// <param name="CostPerLead">What each bought lead cost this month, on the <see cref="TrafficCostCurve"/>.</param>
/// <param name="Community">The community side: the self-cycle (客户自循环) with referrals, memberships and commissions.</param>
/// <param name="Traditional">The traditional funnel: the same products at the same prices, no referrals, no memberships.</param>
/// <param name="ActiveMemberships">Members holding an active membership at the end of the month (community side).</param>
public sealed record SimulatedMonth(int Month, Money CostPerLead, FunnelFigures Community, FunnelFigures Traditional, int ActiveMemberships)
{
    /// <summary>How much more the community side made than the traditional funnel this month (negative when less).</summary>
    public Money ProfitAdvantage => Community.Profit - Traditional.Profit;
}
