using System.Collections.Frozen;
using System.Collections.Immutable;
using CommunityModel.Commissions.Engine;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Team;

/// <summary>
/// A validated, immutable combined plan: multi-level levels (paid first), the rank differential (团队级差), the
/// peer bonus (平级奖) and an optional per-order payout cap, paid in that order by <see cref="CompensationCalculator"/>
/// and by the month-end run. Staff and role lines are further rule kinds (<see cref="CommissionRuleKind"/>).
/// </summary>
/// <remarks>
/// Create it from <see cref="CompensationPlanOptions"/> (configuration) or with <see cref="CompensationPlanBuilder"/>.
/// Rule ids are <c>&lt;plan&gt;/level-n</c>, <c>&lt;plan&gt;/differential</c> and <c>&lt;plan&gt;/peer-g</c>, so the
/// ledger key (order line, beneficiary, rule) of every line is unique.
/// </remarks>
public sealed class CompensationPlan
{
    private readonly string[] _levelRules;
    private readonly string[] _peerRules;
    private readonly FrozenDictionary<string, int> _rolePositions;

    private CompensationPlan(CompensationPlanOptions options)
    {
        Name = options.Name;
        Currency = options.Currency;
        Base = options.Base;
        Rounding = options.Rounding;
        Earners = options.Earners;
        IneligibleUpline = options.IneligibleUpline;
        LevelPlan = options.Levels is { Count: > 0 } ? CommissionPlan.Create(LevelOptions(options)) : null;
        ExcludedProducts = LevelPlan?.ExcludedProducts ?? (options.ExcludedProducts ?? []).ToFrozenSet(StringComparer.Ordinal);
        ExcludedOrderKinds = LevelPlan?.ExcludedOrderKinds ?? (options.ExcludedOrderKinds ?? []).ToFrozenSet(StringComparer.Ordinal);
        Schedules = new RewardScheduleTable(this, Name, LevelPlan, ExcludedProducts, ExcludedOrderKinds);
        Ladder = RankLadder.Create(options.Currency, [.. options.Ranks ?? []]);
        Qualifier = new RankQualifier(Ladder, options.RankRetention, options.SplitOffVolume);
        SellerEarnsOwnRank = options.SellerEarnsOwnRank;
        PeerRate = options.PeerBonus?.Rate ?? Rate.Zero;
        PeerBasis = options.PeerBonus?.Basis ?? PeerBonusBasis.OfBase;
        PeerGenerations = options.PeerBonus?.Generations ?? 0;
        PayoutCap = options.PayoutCap;
        _levelRules = [.. Enumerable.Range(1, CommissionPlan.MaxLevels).Select(n => $"{Name}/level-{n}")];
        _peerRules = [.. Enumerable.Range(1, PeerBonusOptions.MaxGenerations).Select(g => $"{Name}/peer-{g}")];
        DifferentialRule = $"{Name}/differential";
        Roles = PlanRoles.Create(options);
        _rolePositions = Roles.ToFrozenDictionary(r => r.Role, r => r.Position - 1, StringComparer.Ordinal);
        Kernel = new CompensationKernel(this);
    }

    /// <summary>The plan's name.</summary>
    public string Name { get; }

    /// <summary>The currency of orders, fixed amounts and volume rules.</summary>
    public Currency Currency { get; }

    /// <summary>What rates apply to.</summary>
    public CommissionBase Base { get; }

    /// <summary>How a rate's product is rounded.</summary>
    public RoundingMode Rounding { get; }

    /// <summary>Who may earn the multi-level levels.</summary>
    public EarnerEligibility Earners { get; }

    /// <summary>What happens to a level whose upline may not earn.</summary>
    public IneligibleUplinePolicy IneligibleUpline { get; }

    /// <summary>The multi-level part (same name, so its rule ids are this plan's), with the product and tier overrides and the exclusions; <see langword="null"/> when the plan pays no levels.</summary>
    public CommissionPlan? LevelPlan { get; }

    /// <summary>Products that earn nothing under any rule and count no volume.</summary>
    public IReadOnlySet<string> ExcludedProducts { get; }

    /// <summary>Order kinds that earn nothing under any rule and count no volume.</summary>
    public IReadOnlySet<string> ExcludedOrderKinds { get; }

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

    /// <summary>The most paid on one order as a rate of its base; <see langword="null"/> for no cap.</summary>
    public Rate? PayoutCap { get; }

    /// <summary>The roles paid after the peer bonus and before the cap, in payment order; empty when the plan pays none.</summary>
    public ImmutableArray<PlanRole> Roles { get; }

    /// <summary>The rule id of the differential, e.g. <c>team/differential</c>.</summary>
    public string DifferentialRule { get; }

    /// <summary>The most roles a plan pays.</summary>
    public const int MaxRoles = 16;

    /// <summary>The most lines one order can produce under this plan.</summary>
    public int MaxLinesPerOrder => Kernel.MaxLines;

    internal CompensationKernel Kernel { get; }

    /// <summary>The plan's schedules, resolved once.</summary>
    internal RewardScheduleTable Schedules { get; }

    /// <summary>Validates options and creates the plan.</summary>
    /// <param name="options">The plan as data.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CompensationPlanException">The options break a rule; every problem is listed with its code (e.g. <see cref="CommissionErrorCodes.RanksUnordered"/>, <see cref="CommissionErrorCodes.InvalidPayoutCap"/>, <see cref="CommissionErrorCodes.InvalidPeerBonus"/>).</exception>
    public static CompensationPlan Create(CompensationPlanOptions options)
    {
        var problems = Validate(options);
        return problems.IsEmpty ? new CompensationPlan(options) : throw new CompensationPlanException(options.Name, problems);
    }

    /// <summary>Every rule the options break; empty when they make a valid plan.</summary>
    /// <param name="options">The plan as data.</param>
    /// <returns>The problems, each with its code and naming the setting.</returns>
    public static ImmutableArray<CompensationPlanProblem> Validate(CompensationPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ImmutableArray.CreateBuilder<CompensationPlanProblem>();
        void Add(string code, string message) => problems.Add(new(code, message));
        // Levels, currency, base, rounding and eligibility follow the multi-level plan's rules: one validator checks
        // them (a plan without levels is checked with a single 0% level, which breaks none).
        // Overrides and exclusions are the multi-level plan's too; without levels there is nothing to override.
        var withLevels = LevelOptions(options);
        if (options.Levels is not { Count: > 0 })
        {
            withLevels.Levels = [new CommissionLevelOptions { Rate = Rate.Zero }];
            foreach (var (kind, overrides) in new[] { ("ProductOverrides", withLevels.ProductOverrides), ("TierOverrides", withLevels.TierOverrides) })
            {
                foreach (var key in overrides.Keys)
                {
                    Add(CommissionErrorCodes.InvalidPlan, $"{kind}:{key} overrides level rewards but the plan pays no levels.");
                }
            }

            withLevels.ProductOverrides = new Dictionary<string, IList<CommissionLevelOptions>>(StringComparer.Ordinal);
            withLevels.TierOverrides = new Dictionary<string, IList<CommissionLevelOptions>>(StringComparer.Ordinal);
        }

        foreach (var problem in CommissionPlan.Validate(withLevels))
        {
            Add(CommissionErrorCodes.InvalidPlan, problem);
        }

        problems.AddRange(RankLadder.Validate(options.Currency, [.. options.Ranks ?? []]));
        if (options.PeerBonus is { } peer)
        {
            if (peer.Generations is < 1 or > PeerBonusOptions.MaxGenerations)
            {
                Add(CommissionErrorCodes.InvalidPeerBonus, $"PeerBonus:Generations is {peer.Generations}; a peer bonus pays 1 to {PeerBonusOptions.MaxGenerations} generations.");
            }

            if (!peer.Rate.IsBetweenZeroAndOne)
            {
                Add(CommissionErrorCodes.InvalidPeerBonus, $"PeerBonus:Rate is {peer.Rate}; it must be between 0% and 100%.");
            }

            if (!Enum.IsDefined(peer.Basis))
            {
                Add(CommissionErrorCodes.InvalidPeerBonus, $"PeerBonus:Basis '{peer.Basis}' is not OfBase or OfDownlineDifferential.");
            }
        }

        PlanRoles.Validate(options, problems);
        if (options.PayoutCap is { IsBetweenZeroAndOne: false } cap)
        {
            Add(CommissionErrorCodes.InvalidPayoutCap, $"PayoutCap is {cap}; a cap is between 0% and 100% of the base.");
        }

        if (!Enum.IsDefined(options.RankRetention) || !Enum.IsDefined(options.SplitOffVolume))
        {
            Add(CommissionErrorCodes.InvalidPlan, $"RankRetention '{options.RankRetention}' or SplitOffVolume '{options.SplitOffVolume}' is not a defined option.");
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

    private static CommissionPlanOptions LevelOptions(CompensationPlanOptions options) => new()
    {
        Name = options.Name,
        Currency = options.Currency,
        Levels = options.Levels,
        ProductOverrides = options.ProductOverrides ?? new Dictionary<string, IList<CommissionLevelOptions>>(StringComparer.Ordinal),
        TierOverrides = options.TierOverrides ?? new Dictionary<string, IList<CommissionLevelOptions>>(StringComparer.Ordinal),
        ExcludedProducts = options.ExcludedProducts ?? [],
        ExcludedOrderKinds = options.ExcludedOrderKinds ?? [],
        Base = options.Base,
        Earners = options.Earners,
        IneligibleUpline = options.IneligibleUpline,
        Rounding = options.Rounding,
    };
}
