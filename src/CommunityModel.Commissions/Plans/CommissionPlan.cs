using System.Collections.Frozen;
using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Plans;

/// <summary>
/// A validated, immutable commission plan: one ordered list of rules paid on every order line — multi-level levels
/// (上下层级激励, one to three, paid first), the rank differential (团队级差), the peer bonus (平级奖), the organisation's
/// roles (division → agent → staff, 内部员工分润), then the per-order payout cap — with product and ladder-tier overrides
/// of the level rewards, excluded products and order kinds, and the policies for ineligible uplines and rounding.
/// A levels-only plan is simply a plan whose only rule is its levels.
/// </summary>
/// <remarks>
/// Create it from <see cref="CommissionPlanOptions"/> (configuration) or with <see cref="CommissionPlanBuilder"/>.
/// <see cref="Paying.CommissionCalculator"/> pays it per order and <see cref="Run.CommissionRun"/> over a month; both
/// write the same <see cref="Paying.CommissionLine"/>s. Rule ids are <c>&lt;plan&gt;/level-n</c>,
/// <c>&lt;plan&gt;/differential</c>, <c>&lt;plan&gt;/peer-g</c>, <c>&lt;plan&gt;/role-&lt;name&gt;</c> and
/// <c>&lt;plan&gt;/staff-&lt;name&gt;</c>, so the ledger key (order line, beneficiary, rule) of every line is unique.
/// More than three levels is a configuration error: the seed's rule, "国家规定层级不能超过3级".
/// </remarks>
public sealed class CommissionPlan
{
    private readonly string[] _levelRules;
    private readonly string[] _peerRules;
    private readonly FrozenDictionary<string, int> _rolePositions;

    private CommissionPlan(CommissionPlanOptions options)
    {
        Name = options.Name;
        MaxDepth = options.MaxDepth;
        SelfPurchase = options.SelfPurchase;
        Currency = options.Currency;
        Base = options.Base;
        Rounding = options.Rounding;
        Earners = options.Earners;
        IneligibleUpline = options.IneligibleUpline;
        Levels = [.. (options.Levels ?? []).Select(l => LevelRule.ToReward(l)!)];
        ProductOverrides = (options.ProductOverrides ?? new Dictionary<string, IList<CommissionLevelOptions>>()).ToFrozenDictionary(p => p.Key, p => ToRewards(p.Value), StringComparer.Ordinal);
        TierOverrides = (options.TierOverrides ?? new Dictionary<string, IList<CommissionLevelOptions>>()).ToFrozenDictionary(p => p.Key, p => ToRewards(p.Value), StringComparer.Ordinal);
        ExcludedProducts = (options.ExcludedProducts ?? []).ToFrozenSet(StringComparer.Ordinal);
        ExcludedOrderKinds = (options.ExcludedOrderKinds ?? []).ToFrozenSet(StringComparer.Ordinal);
        JoiningProducts = (options.JoiningProducts ?? []).ToFrozenSet(StringComparer.Ordinal);
        Schedules = new RewardScheduleTable(this);
        Ladder = RankLadder.Create(options.Currency, [.. options.Ranks ?? []]);
        Qualifier = new RankQualifier(Ladder, options.RankRetention, options.SplitOffVolume);
        SellerEarnsOwnRank = options.SellerEarnsOwnRank;
        PeerRate = options.PeerBonus?.Rate ?? Rate.Zero;
        PeerBasis = options.PeerBonus?.Basis ?? PeerBonusBasis.OfBase;
        PeerGenerations = options.PeerBonus?.Generations ?? 0;
        PeerGenerationRates = [.. options.PeerBonus?.GenerationRates ?? []];
        PayoutCap = options.PayoutCap;
        MinPersonalVolumeToEarn = options.MinPersonalVolumeToEarn;
        _levelRules = [.. Enumerable.Range(1, MaxLevels).Select(n => $"{Name}/level-{n}")];
        _peerRules = [.. Enumerable.Range(1, PeerBonusOptions.MaxGenerations).Select(g => $"{Name}/peer-{g}")];
        DifferentialRule = $"{Name}/differential";
        Roles = PlanRoles.Create(options);
        _rolePositions = Roles.ToFrozenDictionary(r => r.Role, r => r.Position - 1, StringComparer.Ordinal);
        Kernel = new CommissionKernel(this);
    }

    /// <summary>The most levels a plan may pay.</summary>
    public const int MaxLevels = 3;

    /// <summary>The depth a plan pays to unless it declares another: three generations above the buyer.</summary>
    public const int DefaultMaxDepth = 3;

    /// <summary>The deepest a plan may declare (<see cref="CommissionPlanOptions.MaxDepth"/>).</summary>
    public const int DepthLimit = 64;

    /// <summary>The plan's name.</summary>
    public string Name { get; }

    /// <summary>The deepest upline any rule pays, counting the buyer's sponsor as 1 (<see cref="CommissionPlanOptions.MaxDepth"/>).</summary>
    public int MaxDepth { get; }

    /// <summary>Whether a buyer who may earn takes level 1 on its own purchase (自购返佣; <see cref="CommissionPlanOptions.SelfPurchase"/>).</summary>
    public bool SelfPurchase { get; }

    /// <summary>The currency of orders, fixed amounts and volume rules.</summary>
    public Currency Currency { get; }

    /// <summary>What rates apply to.</summary>
    public CommissionBase Base { get; }

    /// <summary>How a rate's product is rounded.</summary>
    public RoundingMode Rounding { get; }

    /// <summary>Who may earn.</summary>
    public EarnerEligibility Earners { get; }

    /// <summary>What happens to a level whose upline may not earn.</summary>
    public IneligibleUplinePolicy IneligibleUpline { get; }

    /// <summary>What each level pays, nearest upline first: zero to three levels, paid before every other rule.</summary>
    public ImmutableArray<LevelReward> Levels { get; }

    /// <summary>Per-product rewards by level; a <see langword="null"/> entry keeps the plan's reward. They change only the level rewards.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<LevelReward?>> ProductOverrides { get; }

    /// <summary>Per-ladder-tier rewards by level; a <see langword="null"/> entry keeps the plan's reward. A product override is more specific.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<LevelReward?>> TierOverrides { get; }

    /// <summary>Products that earn nothing under any rule and count no volume.</summary>
    public IReadOnlySet<string> ExcludedProducts { get; }

    /// <summary>Order kinds that earn nothing under any rule and count no volume.</summary>
    public IReadOnlySet<string> ExcludedOrderKinds { get; }

    /// <summary>Products whose purchase is the condition to join or to become a promoter (入门费); the compliance linter reads them.</summary>
    public IReadOnlySet<string> JoiningProducts { get; }

    /// <summary>The ranks paying the differential; empty for a levels-only plan.</summary>
    public RankLadder Ladder { get; }

    /// <summary>Qualifies members for <see cref="Ladder"/> with the plan's retention and split-off options.</summary>
    public RankQualifier Qualifier { get; }

    /// <summary>Whether the seller's own rank pays the differential on its own sale.</summary>
    public bool SellerEarnsOwnRank { get; }

    /// <summary>The peer-bonus rate (a rank may replace it); <c>0%</c> without a peer bonus.</summary>
    public Rate PeerRate { get; }

    /// <summary>What the peer-bonus rate applies to.</summary>
    public PeerBonusBasis PeerBasis { get; }

    /// <summary>How many same-rank generations earn the peer bonus; 0 without a peer bonus.</summary>
    public int PeerGenerations { get; }

    /// <summary>The rate of each peer generation, the first above the holder first; empty when every generation earns <see cref="PeerRate"/> (or its rank's own).</summary>
    public ImmutableArray<Rate> PeerGenerationRates { get; }

    /// <summary>The most paid on one order as a rate of its base; <see langword="null"/> for no cap.</summary>
    public Rate? PayoutCap { get; }

    /// <summary>The personal volume a member must reach in the period to earn under any rule; <see langword="null"/> when none is needed.</summary>
    public Money? MinPersonalVolumeToEarn { get; }

    /// <summary>The roles paid after the peer bonus and before the cap, in payment order; empty when the plan pays none.</summary>
    public ImmutableArray<PlanRole> Roles { get; }

    /// <summary>The rule id of the differential, e.g. <c>team/differential</c>.</summary>
    public string DifferentialRule { get; }

    /// <summary>The most roles a plan pays.</summary>
    public const int MaxRoles = 16;

    /// <summary>The most lines one order can produce under this plan.</summary>
    public int MaxLinesPerOrder => Kernel.MaxLines;

    internal CommissionKernel Kernel { get; }

    /// <summary>The plan's schedules, resolved once.</summary>
    internal RewardScheduleTable Schedules { get; }

    /// <summary>Validates options and creates the plan.</summary>
    /// <param name="options">The plan as data.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CommissionPlanException">The options break a rule; every problem is listed with its code (e.g. <see cref="CommissionErrorCodes.RanksUnordered"/>, <see cref="CommissionErrorCodes.InvalidPayoutCap"/>, <see cref="CommissionErrorCodes.InvalidPeerBonus"/>).</exception>
    public static CommissionPlan Create(CommissionPlanOptions options)
    {
        var problems = Validate(options);
        return problems.IsEmpty ? new CommissionPlan(options) : throw new CommissionPlanException(options.Name, problems);
    }

    /// <summary>Every rule the options break; empty when they make a valid plan.</summary>
    /// <param name="options">The plan as data.</param>
    /// <returns>The problems, each with its code and naming the setting.</returns>
    public static ImmutableArray<CommissionPlanProblem> Validate(CommissionPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ImmutableArray.CreateBuilder<CommissionPlanProblem>();
        void Add(string code, string message) => problems.Add(new(code, message));
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            Add(CommissionErrorCodes.InvalidPlan, "Name is empty; give the plan a name.");
        }

        if (options.Currency == Currency.None)
        {
            Add(CommissionErrorCodes.InvalidPlan, "Currency is not set.");
        }

        PlanRules.Validate(options, problems);
        var levels = options.Levels ?? [];
        if (levels.Count == 0 && (options.Ranks?.Count ?? 0) == 0 && (options.Roles?.Count ?? 0) == 0)
        {
            Add(CommissionErrorCodes.InvalidPlan, "The plan pays nothing: give it Levels (one to three), Ranks or Roles.");
        }

        if (!Enum.IsDefined(options.Base))
        {
            Add(CommissionErrorCodes.InvalidPlan, $"Base '{options.Base}' is not AmountPaid or AmountPaidMinusCost.");
        }

        if (!Enum.IsDefined(options.Earners))
        {
            Add(CommissionErrorCodes.InvalidPlan, $"Earners '{options.Earners}' is not EveryMember or DesignatedPromoters.");
        }

        if (!Enum.IsDefined(options.IneligibleUpline))
        {
            Add(CommissionErrorCodes.InvalidPlan, $"IneligibleUpline '{options.IneligibleUpline}' is not Forfeit or Compress.");
        }

        if (!Enum.IsDefined(options.Rounding))
        {
            Add(CommissionErrorCodes.InvalidPlan, $"Rounding '{options.Rounding}' is not a rounding mode.");
        }

        if (!Enum.IsDefined(options.RankRetention) || !Enum.IsDefined(options.SplitOffVolume))
        {
            Add(CommissionErrorCodes.InvalidPlan, $"RankRetention '{options.RankRetention}' or SplitOffVolume '{options.SplitOffVolume}' is not a defined option.");
        }

        if (options.MinPersonalVolumeToEarn is { } minimum && (minimum.IsNegative || minimum.Currency != options.Currency))
        {
            Add(CommissionErrorCodes.InvalidPlan, $"MinPersonalVolumeToEarn is {minimum}; it is zero or more in the plan's {options.Currency.Code}.");
        }

        return problems.ToImmutable();
    }

    /// <summary>The rule id of a line, e.g. <c>team/level-2</c>, <c>team/differential</c>, <c>team/peer-1</c>, <c>team/role-agent</c>, <c>team/staff-sales</c>.</summary>
    /// <param name="kind">The rule kind.</param>
    /// <param name="ordinal">The level (1–3), peer generation (1–3) or role position (from 1); ignored for the differential.</param>
    /// <returns>The rule id.</returns>
    public string RuleId(CommissionRuleKind kind, int ordinal) => kind switch
    {
        CommissionRuleKind.Level => _levelRules[ordinal - 1],
        CommissionRuleKind.Differential => DifferentialRule,
        CommissionRuleKind.Peer => _peerRules[ordinal - 1],
        CommissionRuleKind.Staff or CommissionRuleKind.Role when ordinal >= 1 && ordinal <= Roles.Length && Roles[ordinal - 1].Kind == kind => Roles[ordinal - 1].Rule,
        _ => $"{Name}/{kind.ToString().ToLowerInvariant()}-{ordinal}",
    };

    /// <summary>The position (from 0) of a role in <see cref="Roles"/>, by its name (ordinal).</summary>
    internal bool TryGetRole(string role, out int index) => _rolePositions.TryGetValue(role, out index);

    /// <summary>
    /// What the plan pays for a product, ladder tier and order kind: the level rewards after overrides, or, for an
    /// excluded product or order kind, a schedule that pays nothing under any rule and says why. Resolve it once per
    /// product and give it to the month-end run's <see cref="Run.OrderBatch"/>.
    /// </summary>
    /// <param name="productId">The product bought, or <see langword="null"/>.</param>
    /// <param name="ladderTier">The product-ladder tier, or <see langword="null"/>.</param>
    /// <param name="orderKind">The order kind, or <see langword="null"/>.</param>
    /// <returns>The schedule; the same instance for the same inputs unless both a product and a tier override apply.</returns>
    public RewardSchedule ScheduleFor(string? productId = null, string? ladderTier = null, string? orderKind = null) =>
        Schedules.For(productId, ladderTier, orderKind);

    /// <summary>The commissionable base of an order in minor units, checked like the multi-level calculator checks it.</summary>
    internal long BaseOf(CommissionableOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.BaseUnder(Name, Currency, Base);
    }

    /// <summary>The reward of a level for an order: a fixed amount from any source wins over a rate; among equals, product beats tier beats plan.</summary>
    internal (LevelReward Reward, RewardSource Source) RewardFor(int level, ImmutableArray<LevelReward?> product, ImmutableArray<LevelReward?> tier)
    {
        var index = level - 1;
        var (reward, source) = LevelRule.Resolve(
            Levels[index],
            !product.IsDefault && index < product.Length ? product[index] : null,
            !tier.IsDefault && index < tier.Length ? tier[index] : null);
        return (reward!, source);
    }

    private static ImmutableArray<LevelReward?> ToRewards(IList<CommissionLevelOptions> levels) => [.. (levels ?? []).Select(LevelRule.ToReward)];
}
