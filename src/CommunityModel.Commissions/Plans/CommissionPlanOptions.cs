using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Rules;

namespace CommunityModel.Commissions.Plans;

/// <summary>
/// A commission plan as data (binds from configuration, or build it with <see cref="CommissionPlanBuilder"/>): its
/// rules in payment order — multi-level levels, a rank ladder paying the differential (级差), a peer bonus (平级奖),
/// roles — and a per-order cap. Becomes a <see cref="CommissionPlan"/> once validated.
/// </summary>
public sealed class CommissionPlanOptions
{
    /// <summary>The plan's name; part of every rule id (e.g. <c>standard/level-1</c>, <c>standard/differential</c>, <c>standard/peer-1</c>).</summary>
    public string Name { get; set; } = "standard";

    /// <summary>The currency of orders, fixed amounts and volume rules; CNY by default.</summary>
    public Currency Currency { get; set; } = Currency.CNY;

    /// <summary>
    /// The deepest upline any rule may pay, counting the buyer's sponsor as 1: levels, the rank differential and the peer
    /// bonus alike. Three by default (the seed's rule, "国家规定层级不能超过3级"); a plan for another market may declare more,
    /// and the compliance linter reports it against each profile.
    /// </summary>
    public int MaxDepth { get; set; } = CommissionPlan.DefaultMaxDepth;

    /// <summary>
    /// Whether a buyer who may earn takes level 1 on its own purchase (自购返佣: "save when you buy"), its sponsor then
    /// taking level 2 and so on; the buyer is depth 0. Off by default: level 1 is the buyer's sponsor.
    /// </summary>
    public bool SelfPurchase { get; set; }

    /// <summary>Multi-level rewards, nearest upline first: zero to three levels, paid first.</summary>
    public IList<CommissionLevelOptions> Levels { get; set; } = [];

    /// <summary>Per-product replacements of level rewards (key: product id), an entry with neither rate nor amount keeps the plan's; they change only the level rewards.</summary>
    public IDictionary<string, IList<CommissionLevelOptions>> ProductOverrides { get; set; } = new Dictionary<string, IList<CommissionLevelOptions>>(StringComparer.Ordinal);

    /// <summary>Per-ladder-tier replacements of level rewards (key: tier, e.g. <c>VIP</c>); a product override is more specific.</summary>
    public IDictionary<string, IList<CommissionLevelOptions>> TierOverrides { get; set; } = new Dictionary<string, IList<CommissionLevelOptions>>(StringComparer.Ordinal);

    /// <summary>Products that earn nothing under any rule (levels, differential, peer bonus) and count no volume, e.g. lead magnets (引流品).</summary>
    public IList<string> ExcludedProducts { get; set; } = [];

    /// <summary>Order kinds that earn nothing under any rule and count no volume, e.g. <c>GroupBuy</c> (拼团) or <c>FlashSale</c> (秒杀).</summary>
    public IList<string> ExcludedOrderKinds { get; set; } = [];

    /// <summary>Products whose purchase is the condition to join or to become a promoter (入门费); the compliance linter reads them.</summary>
    public IList<string> JoiningProducts { get; set; } = [];

    /// <summary>The ranks, lowest first, with strictly increasing differential rates; none for a levels-only plan.</summary>
    public IList<RankOptions> Ranks { get; set; } = [];

    /// <summary>Whether the seller's own rank pays the differential on its own sale; <see langword="true"/> by default.</summary>
    public bool SellerEarnsOwnRank { get; set; } = true;

    /// <summary>The peer bonus; none when <see langword="null"/>.</summary>
    public PeerBonusOptions? PeerBonus { get; set; }

    /// <summary>The most a plan pays on one order, as a rate of its base (0% to 100%); no cap when <see langword="null"/>.</summary>
    public Rate? PayoutCap { get; set; }

    /// <summary>
    /// Organisational roles paid after the peer bonus and before the cap, in this order (e.g. division → agent → staff):
    /// each a rate of the base, a fixed amount, or bands on the holder's period volume in the role. Orders name their holders
    /// (<see cref="Paying.CommissionableOrder.Roles"/>). None by default.
    /// </summary>
    public IList<RoleOptions> Roles { get; set; } = [];

    /// <summary>Whether ranks are recomputed each period or kept once reached.</summary>
    public RankRetention RankRetention { get; set; } = RankRetention.RecomputeEachPeriod;

    /// <summary>Whether split-off teams' volume counts toward their origin's qualification.</summary>
    public SplitOffVolume SplitOffVolume { get; set; } = SplitOffVolume.CountsTowardOrigin;

    /// <summary>
    /// The personal volume (the base of a member's own orders in the period, less refunds) a member must reach to earn
    /// under any rule; below it the member is unqualified: its levels are forfeited or compressed past as
    /// <see cref="IneligibleUpline"/> says, and it is invisible to the differential and peer walks. None when <see langword="null"/>.
    /// </summary>
    public Money? MinPersonalVolumeToEarn { get; set; }

    /// <summary>What rates apply to; the amount paid by default.</summary>
    public CommissionBase Base { get; set; } = CommissionBase.AmountPaid;

    /// <summary>Who may earn under every rule; every member by default. Suspended and inactive members never earn.</summary>
    public EarnerEligibility Earners { get; set; } = EarnerEligibility.EveryMember;

    /// <summary>What happens to a level whose upline may not earn; forfeited by default.</summary>
    public IneligibleUplinePolicy IneligibleUpline { get; set; } = IneligibleUplinePolicy.Forfeit;

    /// <summary>How a rate's product is rounded to the minor unit; down by default. The cap always rounds down.</summary>
    public RoundingMode Rounding { get; set; } = RoundingMode.Down;
}
