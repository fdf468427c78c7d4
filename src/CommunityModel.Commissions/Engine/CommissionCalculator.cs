using System.Collections.Frozen;
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
    private const EarnerStatus Barred = EarnerStatus.Suspended | EarnerStatus.Inactive;

    private readonly RewardSchedule _planSchedule;
    private readonly FrozenDictionary<string, RewardSchedule> _byProduct;
    private readonly FrozenDictionary<string, RewardSchedule> _byTier;
    private readonly FrozenDictionary<string, RewardSchedule> _excludedProducts;
    private readonly FrozenDictionary<string, RewardSchedule> _excludedKinds;
    private readonly bool _compress;
    private readonly bool _promotersOnly;

    /// <summary>Creates a calculator for a plan, resolving its rewards, overrides and exclusions once.</summary>
    /// <param name="plan">The plan.</param>
    public CommissionCalculator(CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _planSchedule = new RewardSchedule(plan, default, default, null);
        _byProduct = plan.ProductOverrides.ToFrozenDictionary(p => p.Key, p => new RewardSchedule(plan, p.Value, default, null), StringComparer.Ordinal);
        _byTier = plan.TierOverrides.ToFrozenDictionary(p => p.Key, p => new RewardSchedule(plan, default, p.Value, null), StringComparer.Ordinal);
        _excludedProducts = plan.ExcludedProducts.ToFrozenDictionary(
            product => product, product => new RewardSchedule(plan, default, default, $"Product '{product}' earns no commission under plan '{plan.Name}'."), StringComparer.Ordinal);
        _excludedKinds = plan.ExcludedOrderKinds.ToFrozenDictionary(
            kind => kind, kind => new RewardSchedule(plan, default, default, $"Orders of kind '{kind}' earn no commission under plan '{plan.Name}'."), StringComparer.Ordinal);
        _compress = plan.IneligibleUpline == IneligibleUplinePolicy.Compress;
        _promotersOnly = plan.Earners == EarnerEligibility.DesignatedPromoters;
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
    public RewardSchedule ScheduleFor(string? productId = null, string? ladderTier = null, string? orderKind = null)
    {
        if (productId is not null && _excludedProducts.Count > 0 && _excludedProducts.TryGetValue(productId, out var excluded))
        {
            return excluded;
        }

        if (orderKind is not null && _excludedKinds.Count > 0 && _excludedKinds.TryGetValue(orderKind, out excluded))
        {
            return excluded;
        }

        var byProduct = productId is not null && _byProduct.Count > 0 && _byProduct.TryGetValue(productId, out var p) ? p : null;
        var byTier = ladderTier is not null && _byTier.Count > 0 && _byTier.TryGetValue(ladderTier, out var t) ? t : null;
        return (byProduct, byTier) switch
        {
            (null, null) => _planSchedule,
            (not null, null) => byProduct,
            (null, not null) => byTier,
            _ => new RewardSchedule(Plan, Plan.ProductOverrides[productId!], Plan.TierOverrides[ladderTier!], null),
        };
    }

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
        Calculate(_planSchedule, buyer, baseMinorUnits, earners, destination);

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
        if (!ReferenceEquals(schedule.Plan, Plan))
        {
            throw new ArgumentException($"The schedule belongs to plan '{schedule.Plan.Name}', not to this calculator's plan '{Plan.Name}'.", nameof(schedule));
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

        var observer = default(Unexplained);
        return Walk(schedule, buyer, baseMinorUnits, earners.Network, earners, destination, ref observer);
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

        var payouts = default(Payouts);
        var explanation = default(Explanation);
        var paid = Walk(schedule, buyer, baseMinor, network, earners, payouts, ref explanation);
        var lines = new CommissionLine[paid];
        var retained = baseMinor;
        for (var i = 0; i < paid; i++)
        {
            var p = payouts[i];
            var (from, count) = explanation.CompressedPast[i];
            retained -= p.MinorUnits;
            lines[i] = new CommissionLine(
                order.OrderLineId,
                plan.RuleId(p.Level),
                p.Level,
                network.MemberAt(p.Beneficiary),
                schedule.Rewards[p.Level - 1],
                schedule.Sources[p.Level - 1],
                baseAmount,
                Money.FromMinorUnits(p.MinorUnits, currency),
                Compressed(network, from, count));
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

    /// <summary>
    /// The one implementation of the plan's rules: walks up from the buyer's sponsor, pays each eligible
    /// upline its level (never more than what is left of the base), and forfeits or compresses past the
    /// others. <typeparamref name="TObserver"/> records what only the explained form needs; the compact
    /// form passes an observer that does nothing, which the JIT removes.
    /// </summary>
    private int Walk<TObserver>(RewardSchedule schedule, int buyer, long baseMinor, NetworkSnapshot network, EarnerRoster? earners, Span<CommissionPayout> destination, ref TObserver observer)
        where TObserver : struct, IWalkObserver
    {
        var levels = schedule.Levels;
        var rounding = Plan.Rounding;
        var compress = _compress;
        var promotersOnly = _promotersOnly;
        var paid = 0;
        var remaining = baseMinor;
        var upline = network.ParentAt(buyer);
        var compressedFrom = upline;
        var compressedCount = 0;
        for (var level = 1; level <= levels.Length && upline >= 0 && remaining > 0;)
        {
            var status = earners is null ? EarnerStatus.None : earners.StatusAt(upline);
            if ((status & Barred) == 0 && (!promotersOnly || (status & EarnerStatus.Promoter) != 0))
            {
                var amount = Math.Min(remaining, AmountOf(levels[level - 1], schedule, level, baseMinor, rounding));
                if (amount > 0)
                {
                    observer.Paid(paid, compressedFrom, compressedCount);
                    destination[paid++] = new CommissionPayout(upline, level, amount);
                    remaining -= amount;
                }

                level++;
                upline = network.ParentAt(upline);
                compressedFrom = upline;
                compressedCount = 0;
            }
            else if (compress)
            {
                compressedCount++;
                upline = network.ParentAt(upline);
            }
            else
            {
                observer.Forfeited(level, upline, status);
                level++;
                upline = network.ParentAt(upline);
                compressedFrom = upline;
            }
        }

        return paid;
    }

    private long BaseOf(CommissionableOrder order) => order.BaseUnder(Plan.Name, Plan.Currency, Plan.Base);

    private long AmountOf(in RewardSchedule.ResolvedLevel level, RewardSchedule schedule, int levelNumber, long baseMinor, RoundingMode rounding)
    {
        if (level.FixedMinorUnits >= 0)
        {
            return level.FixedMinorUnits;
        }

        // Base and rate are never negative (validated). When base × mantissa fits 64 bits, divide in
        // 64 bits with the core's rounding; otherwise take Money's exact 128-bit path. Same result.
        if (level.RateDivisor != 0)
        {
            var high = Math.BigMul((ulong)baseMinor, level.RateMantissa, out var low);
            if (high == 0)
            {
                return (long)MinorUnitArithmetic.RoundQuotient(low, level.RateDivisor, rounding);
            }
        }

        return Money.FromMinorUnits(baseMinor, Plan.Currency).Multiply(schedule.Rewards[levelNumber - 1].Rate.GetValueOrDefault(), rounding).MinorUnits;
    }

    private static ImmutableArray<ForfeitedLevel> Forfeited(NetworkSnapshot network, ReadOnlySpan<Forfeit> forfeits)
    {
        var levels = new ForfeitedLevel[forfeits.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new ForfeitedLevel(forfeits[i].Level, network.MemberAt(forfeits[i].Upline), forfeits[i].Status);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(levels);
    }

    private static ImmutableArray<MemberId> Compressed(NetworkSnapshot network, int from, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var members = new MemberId[count];
        for (var i = 0; i < count; i++, from = network.ParentAt(from))
        {
            members[i] = network.MemberAt(from);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(members);
    }

    /// <summary>What the walk reports beyond the payouts themselves.</summary>
    private interface IWalkObserver
    {
        /// <summary>Payout <paramref name="payout"/> went to the upline reached after compressing past <paramref name="count"/> members from <paramref name="from"/>.</summary>
        void Paid(int payout, int from, int count);

        /// <summary>Level <paramref name="level"/> was forfeited because the upline at <paramref name="upline"/> may not earn.</summary>
        void Forfeited(int level, int upline, EarnerStatus status);
    }

    /// <summary>The compact form: nothing to explain.</summary>
    private struct Unexplained : IWalkObserver
    {
        public readonly void Paid(int payout, int from, int count)
        {
        }

        public readonly void Forfeited(int level, int upline, EarnerStatus status)
        {
        }
    }

    /// <summary>The explained form: members compressed past per payout, and forfeited levels.</summary>
    private struct Explanation : IWalkObserver
    {
        public CompressedRuns CompressedPast;
        public Forfeits Forfeits;
        public int ForfeitedCount;

        public void Paid(int payout, int from, int count) => CompressedPast[payout] = (from, count);

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
        private (int From, int Count) _element;
    }

    [InlineArray(CommissionPlan.MaxLevels)]
    private struct Forfeits
    {
        private Forfeit _element;
    }
}
