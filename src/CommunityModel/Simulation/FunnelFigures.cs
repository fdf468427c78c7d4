namespace CommunityModel.Simulation;

/// <summary>What one side of the comparison did in a month, or over the run: leads, orders and money.</summary>
/// <param name="BoughtLeads">Leads bought (paid traffic).</param>
/// <param name="ReferredLeads">Newcomers referred by members (free traffic; always zero on the traditional side).</param>
/// <param name="Orders">Paid orders taken: products, memberships, renewals and upgrades.</param>
/// <param name="Revenue">Everything paid for the orders.</param>
/// <param name="Refunds">Everything given back.</param>
/// <param name="TrafficCost">What the bought leads cost.</param>
/// <param name="Commissions">Commission accrued less commission reversed by refunds, from the community's events.</param>
public sealed record FunnelFigures(
    long BoughtLeads,
    long ReferredLeads,
    long Orders,
    Money Revenue,
    Money Refunds,
    Money TrafficCost,
    Money Commissions)
{
    /// <summary>Revenue less refunds.</summary>
    public Money NetRevenue => Revenue - Refunds;

    /// <summary>Profit after traffic cost and commissions: <c>Revenue − Refunds − TrafficCost − Commissions</c>.</summary>
    public Money Profit => NetRevenue - TrafficCost - Commissions;

    /// <summary>Profit per bought lead, unrounded; <see langword="null"/> when no lead was bought.</summary>
    public decimal? ProfitPerLead => BoughtLeads == 0 ? null : Profit.Amount / BoughtLeads;

    /// <summary>Nothing: no leads, no orders, no money.</summary>
    /// <param name="currency">The currency of the amounts.</param>
    /// <returns>Zero figures.</returns>
    public static FunnelFigures Zero(Currency currency) =>
        new(0, 0, 0, Money.Zero(currency), Money.Zero(currency), Money.Zero(currency), Money.Zero(currency));

    /// <summary>These figures and another's together (e.g. two months).</summary>
    /// <param name="other">The other figures, in the same currency.</param>
    /// <returns>The sum.</returns>
    public FunnelFigures Add(FunnelFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            checked(BoughtLeads + other.BoughtLeads),
            checked(ReferredLeads + other.ReferredLeads),
            checked(Orders + other.Orders),
            Revenue + other.Revenue,
            Refunds + other.Refunds,
            TrafficCost + other.TrafficCost,
            Commissions + other.Commissions);
    }
}
