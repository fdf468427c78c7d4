using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Engine;

/// <summary>
/// The per-order calculator of a multi-level plan, for the online path (a CRM at checkout): walks the
/// buyer's upline on a <see cref="NetworkSnapshot"/> and pays each level by the plan.
/// </summary>
/// <remarks>
/// <para>
/// Rules, in order: an excluded product or order kind earns nothing; the base is the amount paid (or
/// paid minus cost), never negative; walking up from the buyer's sponsor, an eligible upline takes the
/// next level; an ineligible one (suspended, inactive, or not a promoter when the plan says so)
/// forfeits its level or is compressed past, by the plan; a fixed amount wins over a rate; a rate's
/// product is rounded by the plan (down by default); no line exceeds what is left of the base. What
/// no one earns stays with the company: <c>sum(lines) + retained == base</c>, exactly.
/// </para>
/// <para>
/// Two forms share one walk, so they cannot disagree: <see cref="Calculate(CommissionableOrder, EarnerRoster)"/>
/// explains every line (rule, reward, base, members compressed past, forfeited levels) and allocates only
/// its result; <see cref="Calculate(RewardSchedule, int, long, EarnerRoster, Span{CommissionPayout})"/> is the
/// hot path for integrators who keep members' dense indices: it writes compact
/// <see cref="CommissionPayout"/>s into a caller's span and allocates nothing. Per-plan data (each level's
/// reward in integer form, the override and exclusion lookups) is resolved once, when the calculator is
/// created.
/// </para>
/// <para>
/// Stateless and thread-safe. Attribution is fixed here: the result names its beneficiaries, and later
/// re-binding never moves money already computed.
/// </para>
/// </remarks>
public sealed class CommissionCalculator
{
    private readonly RewardScheduleTable _schedules;

    /// <summary>Creates a calculator for a plan, resolving its rewards, overrides and exclusions once.</summary>
    /// <param name="plan">The plan.</param>
    public CommissionCalculator(CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _schedules = new RewardScheduleTable(plan, plan.Name, plan, plan.ExcludedProducts, plan.ExcludedOrderKinds);
    }

    /// <summary>The plan this calculator pays.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>
    /// What the plan pays per level for a product, ladder tier and order kind: resolve it once per product
    /// and keep it for the allocation-free overloads. An excluded product, then an excluded order kind,
    /// gives a schedule that pays nothing and says why.
    /// </summary>
    /// <param name="productId">The product bought, or <see langword="null"/>.</param>
    /// <param name="ladderTier">The product-ladder tier, or <see langword="null"/>.</param>
    /// <param name="orderKind">The order kind, or <see langword="null"/>.</param>
    /// <returns>The schedule; the same instance for the same inputs unless both a product and a tier override apply.</returns>
    public RewardSchedule ScheduleFor(string? productId = null, string? ladderTier = null, string? orderKind = null) =>
        _schedules.For(productId, ladderTier, orderKind);

    /// <summary>Computes the commission of an order line; every member counts as active and none as a designated promoter.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="network">The referral network at order time.</param>
    /// <returns>The commission, with every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable (empty id, negative amount, wrong currency, missing cost).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Calculate(order, network, null);
    }

    /// <summary>Computes the commission of an order line, skipping uplines the roster says may not earn.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="earners">The network at order time with every member's status.</param>
    /// <returns>The commission, with every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable (empty id, negative amount, wrong currency, missing cost).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, EarnerRoster earners)
    {
        ArgumentNullException.ThrowIfNull(earners);
        return Calculate(order, earners.Network, earners);
    }

    /// <summary>
    /// Pays an order under the plan's own rewards (no product or tier override), writing compact payouts
    /// into <paramref name="destination"/> without allocating: the hot path for an integrator who keeps
    /// each member's dense index (<see cref="NetworkSnapshot.IndexOf"/>) and the order's base in minor units.
    /// </summary>
    /// <param name="buyer">The buyer's dense index in <paramref name="earners"/>' network.</param>
    /// <param name="baseMinorUnits">The commissionable base in minor units of the plan currency (amount paid, or paid minus cost, by the plan).</param>
    /// <param name="earners">The network at order time with every member's status (<see cref="EarnerRoster.AllActive"/> when none matters).</param>
    /// <param name="destination">Where the payouts go, level 1 first; at least <see cref="CommissionPlan.MaxLevels"/> long always suffices.</param>
    /// <returns>How many payouts were written; the company retains the base minus their sum.</returns>
    /// <exception cref="CommissionException">The base is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The buyer is not an index of the network.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the plan's level count.</exception>
    public int Calculate(int buyer, long baseMinorUnits, EarnerRoster earners, Span<CommissionPayout> destination) =>
        Calculate(_schedules.Default, buyer, baseMinorUnits, earners, destination);

    /// <summary>
    /// Pays an order under a resolved <see cref="RewardSchedule"/>, writing compact payouts into
    /// <paramref name="destination"/> without allocating. The same walk as the explained overloads: the same
    /// beneficiaries, levels and amounts as <see cref="OrderCommission.Lines"/>.
    /// </summary>
    /// <param name="schedule">The rewards for the order's product, tier and kind, from <see cref="ScheduleFor"/> of this calculator.</param>
    /// <param name="buyer">The buyer's dense index in <paramref name="earners"/>' network.</param>
    /// <param name="baseMinorUnits">The commissionable base in minor units of the plan currency (amount paid, or paid minus cost, by the plan).</param>
    /// <param name="earners">The network at order time with every member's status (<see cref="EarnerRoster.AllActive"/> when none matters).</param>
    /// <param name="destination">Where the payouts go, level 1 first; at least <see cref="CommissionPlan.MaxLevels"/> long always suffices.</param>
    /// <returns>How many payouts were written (0 for an excluded schedule); the company retains the base minus their sum.</returns>
    /// <exception cref="CommissionException">The base is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The buyer is not an index of the network.</exception>
    /// <exception cref="ArgumentException">The schedule belongs to another plan, or <paramref name="destination"/> is shorter than the plan's level count.</exception>
    public int Calculate(RewardSchedule schedule, int buyer, long baseMinorUnits, EarnerRoster earners, Span<CommissionPayout> destination)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(earners);
        if (!_schedules.Owns(schedule))
        {
            throw new ArgumentException($"The schedule belongs to another plan than this calculator's plan '{Plan.Name}'; resolve it with this calculator's ScheduleFor.", nameof(schedule));
        }

        if (buyer < 0 || buyer >= earners.Network.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(buyer), buyer, $"The buyer index must be from 0 to {earners.Network.Count - 1}.");
        }

        if (baseMinorUnits < 0)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"The commissionable base is {baseMinorUnits} minor units; it must be zero or more (record refunds in the ledger instead).");
        }

        if (destination.Length < Plan.Levels.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} payout(s); plan '{Plan.Name}' pays up to {Plan.Levels.Length}.", nameof(destination));
        }

        if (schedule.Exclusion is not null)
        {
            return 0;
        }

        var writer = new PayoutWriter(destination);
        LevelWalk.Pay(schedule, buyer, baseMinorUnits, new SnapshotUpline(earners.Network, null, earners), ref writer);
        return writer.Count;
    }

    private OrderCommission Calculate(CommissionableOrder order, NetworkSnapshot network, EarnerRoster? earners)
    {
        ArgumentNullException.ThrowIfNull(order);
        var plan = Plan;
        var currency = plan.Currency;
        var baseMinor = BaseOf(order);
        var baseAmount = Money.FromMinorUnits(baseMinor, currency);
        var schedule = ScheduleFor(order.ProductId, order.LadderTier, order.Kind);
        var buyer = network.IndexOf(order.Buyer);
        if (schedule.Exclusion is not null || baseMinor == 0)
        {
            return new OrderCommission(order.OrderLineId, order.Buyer, plan.Name, order.AmountPaid, baseAmount, [], baseAmount, [], schedule.Exclusion);
        }

        var explanation = default(Explanation);
        var retained = LevelWalk.Pay(schedule, buyer, baseMinor, new SnapshotUpline(network, null, earners), ref explanation);
        var lines = new CommissionLine[explanation.PaidCount];
        for (var i = 0; i < lines.Length; i++)
        {
            var p = explanation.Payouts[i];
            var (below, count) = explanation.CompressedPast[i];
            lines[i] = new CommissionLine(
                order.OrderLineId,
                plan.RuleId(p.Level),
                p.Level,
                network.MemberAt(p.Beneficiary),
                schedule.Rewards[p.Level - 1],
                schedule.Sources[p.Level - 1],
                baseAmount,
                Money.FromMinorUnits(p.MinorUnits, currency),
                Compressed(network, below, count));
        }

        var forfeited = explanation.ForfeitedCount == 0 ? [] : Forfeited(network, explanation.Forfeits[..explanation.ForfeitedCount]);
        return new OrderCommission(
            order.OrderLineId,
            order.Buyer,
            plan.Name,
            order.AmountPaid,
            baseAmount,
            ImmutableCollectionsMarshal.AsImmutableArray(lines),
            Money.FromMinorUnits(retained, currency),
            forfeited,
            null);
    }

    private long BaseOf(CommissionableOrder order) => order.BaseUnder(Plan.Name, Plan.Currency, Plan.Base);

    private static ImmutableArray<ForfeitedLevel> Forfeited(NetworkSnapshot network, ReadOnlySpan<Forfeit> forfeits)
    {
        var levels = new ForfeitedLevel[forfeits.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new ForfeitedLevel(forfeits[i].Level, network.MemberAt(forfeits[i].Upline), forfeits[i].Status);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(levels);
    }

    private static ImmutableArray<MemberId> Compressed(NetworkSnapshot network, int below, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var from = network.ParentAt(below);
        var members = new MemberId[count];
        for (var i = 0; i < count; i++, from = network.ParentAt(from))
        {
            members[i] = network.MemberAt(from);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(members);
    }

    /// <summary>The compact form: payouts into the caller's span, nothing to explain.</summary>
    private ref struct PayoutWriter(Span<CommissionPayout> destination) : ILevelWriter
    {
        private readonly Span<CommissionPayout> _destination = destination;

        public int Count { get; private set; }

        public void Paid(int level, int beneficiary, long amount, int below, int compressed) =>
            _destination[Count++] = new CommissionPayout(beneficiary, level, amount);

        public readonly void Forfeited(int level, int upline, EarnerStatus status)
        {
        }
    }

    /// <summary>The explained form: payouts, members compressed past per payout (the member below the first, and how many), and forfeited levels.</summary>
    private struct Explanation : ILevelWriter
    {
        public Payouts Payouts;
        public CompressedRuns CompressedPast;
        public Forfeits Forfeits;
        public int PaidCount;
        public int ForfeitedCount;

        public void Paid(int level, int beneficiary, long amount, int below, int compressed)
        {
            CompressedPast[PaidCount] = (below, compressed);
            Payouts[PaidCount++] = new CommissionPayout(beneficiary, level, amount);
        }

        public void Forfeited(int level, int upline, EarnerStatus status) => Forfeits[ForfeitedCount++] = new Forfeit(level, upline, status);
    }

    private readonly record struct Forfeit(int Level, int Upline, EarnerStatus Status);

    [InlineArray(CommissionPlan.MaxLevels)]
    private struct Payouts
    {
        private CommissionPayout _element;
    }

    [InlineArray(CommissionPlan.MaxLevels)]
    private struct CompressedRuns
    {
        private (int Below, int Count) _element;
    }

    [InlineArray(CommissionPlan.MaxLevels)]
    private struct Forfeits
    {
        private Forfeit _element;
    }
}
