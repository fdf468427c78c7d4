namespace CommunityModel.Commissions.Plans;

/// <summary>
/// A multi-level commission plan (上下层级激励) as data: binds from configuration or is built with
/// <see cref="CommissionPlanBuilder"/>, and becomes a <see cref="CommissionPlan"/> once validated.
/// </summary>
public sealed class CommissionPlanOptions
{
    /// <summary>The plan's name; part of every rule id (e.g. <c>standard/level-1</c>).</summary>
    public string Name { get; set; } = "standard";

    /// <summary>The currency orders and fixed amounts are in; CNY by default.</summary>
    public Currency Currency { get; set; } = Currency.CNY;

    /// <summary>What each level pays, nearest upline first: one to three levels.</summary>
    public IList<CommissionLevelOptions> Levels { get; set; } = [];

    /// <summary>Per-product replacements of level rewards (key: product id). An entry with neither rate nor amount keeps the plan's.</summary>
    public IDictionary<string, IList<CommissionLevelOptions>> ProductOverrides { get; set; } = new Dictionary<string, IList<CommissionLevelOptions>>(StringComparer.Ordinal);

    /// <summary>Per-ladder-tier replacements of level rewards (key: tier, e.g. <c>VIP</c>); a product override is more specific.</summary>
    public IDictionary<string, IList<CommissionLevelOptions>> TierOverrides { get; set; } = new Dictionary<string, IList<CommissionLevelOptions>>(StringComparer.Ordinal);

    /// <summary>Products that earn nothing, e.g. lead magnets (引流品).</summary>
    public IList<string> ExcludedProducts { get; set; } = [];

    /// <summary>Order kinds that earn nothing, e.g. <c>GroupBuy</c> (拼团) or <c>FlashSale</c> (秒杀).</summary>
    public IList<string> ExcludedOrderKinds { get; set; } = [];

    /// <summary>Products whose purchase is the condition to join or to become a promoter; the compliance linter reads them.</summary>
    public IList<string> JoiningProducts { get; set; } = [];

    /// <summary>What rates apply to; the amount paid by default.</summary>
    public CommissionBase Base { get; set; } = CommissionBase.AmountPaid;

    /// <summary>Who may earn; every member by default.</summary>
    public EarnerEligibility Earners { get; set; } = EarnerEligibility.EveryMember;

    /// <summary>What happens to a level whose upline may not earn; forfeited to the company by default.</summary>
    public IneligibleUplinePolicy IneligibleUpline { get; set; } = IneligibleUplinePolicy.Forfeit;

    /// <summary>How a rate's product is rounded to the fen; down by default, so a plan never overpays.</summary>
    public RoundingMode Rounding { get; set; } = RoundingMode.Down;
}
