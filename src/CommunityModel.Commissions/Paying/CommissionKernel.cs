using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The paying loop of a <see cref="CommissionPlan"/>, shared by the per-order calculator and the month-end run
/// so both give the same lines by construction: dense indices, minor units, precomputed rates, lines written to
/// a caller's span. Allocates nothing. Immutable and thread-safe.
/// </summary>
internal sealed class CommissionKernel
{
    private const EarnerStatus Barred = EarnerStatus.Suspended | EarnerStatus.Inactive;

    private readonly RateFactor[] _differential;
    private readonly RateFactor[] _peer;
    private readonly RateFactor _cap;
    private readonly bool _hasCap;
    private readonly bool _sellerEarnsOwnRank;
    private readonly bool _peerOfBase;
    private readonly int _generations;
    private readonly int _top;
    private readonly RoundingMode _rounding;
    private readonly KernelRole[] _roles;
    private readonly bool _promotersOnly;

    internal CommissionKernel(CommissionPlan plan)
    {
        var levels = plan.Levels.Length;
        _promotersOnly = plan.Earners == EarnerEligibility.DesignatedPromoters;
        _top = plan.Ladder.Count;
        _differential = [new RateFactor(Rate.Zero), .. plan.Ladder.Ranks.Select(r => new RateFactor(r.DifferentialRate))];
        _peer = [new RateFactor(Rate.Zero), .. plan.Ladder.Ranks.Select(r => new RateFactor(r.PeerRate ?? plan.PeerRate))];
        _generations = plan.PeerGenerations;
        _peerOfBase = plan.PeerBasis == PeerBonusBasis.OfBase;
        _hasCap = plan.PayoutCap is not null;
        _cap = new RateFactor(plan.PayoutCap.GetValueOrDefault());
        _sellerEarnsOwnRank = plan.SellerEarnsOwnRank;
        _rounding = plan.Rounding;
        Standard = plan.Schedules.Default;
        _roles = [.. plan.Roles.Select(r => new KernelRole(r))];
        MaxLines = levels + _top + (_top * _generations) + _roles.Length;
        KindSlots = [-1, -1, -1, -1, -1];
        foreach (var (kind, used) in new[] { (CommissionRuleKind.Level, levels > 0), (CommissionRuleKind.Differential, _top > 0), (CommissionRuleKind.Peer, _top > 0 && _generations > 0) })
        {
            KindSlots[(int)kind] = used ? SlotCount++ : -1;
        }
    }

    /// <summary>The plan's own level rewards: what an order without a schedule of its own pays.</summary>
    internal RewardSchedule Standard { get; }

    /// <summary>Per rule kind, its slot in per-member totals; -1 for a kind this plan never pays (so totals take only the room they need).</summary>
    internal int[] KindSlots { get; }

    /// <summary>How many rule kinds this plan pays: the per-member totals' width.</summary>
    internal int SlotCount { get; }

    /// <summary>How many roles the plan pays: the length of the holdings <see cref="Pay"/> reads.</summary>
    internal int RoleCount => _roles.Length;

    /// <summary>The most lines one order can produce: the size of the span <see cref="Pay"/> needs.</summary>
    internal int MaxLines { get; }

    /// <summary>Pays one order: levels, then differential, then peer bonus, then roles, then the cap. Returns the number of lines written.</summary>
    /// <param name="schedule">The order's level rewards (after product and tier overrides), from the plan's <see cref="CommissionPlan.ScheduleFor"/>; an excluded order pays nothing under any rule.</param>
    /// <param name="buyer">The buyer's (seller's) index.</param>
    /// <param name="baseMinor">The base in minor units.</param>
    /// <param name="upline">Sponsors, ranks and statuses.</param>
    /// <param name="lines">Receives the lines; at least <see cref="MaxLines"/> long.</param>
    /// <param name="forfeited">When not empty (one slot per level), receives the index of the upline whose level was forfeited, for explanations.</param>
    /// <param name="roles">One holding per plan role, in the plan's order; empty when the order names no holders (every role unfilled).</param>
    internal int Pay<TUpline>(RewardSchedule schedule, int buyer, long baseMinor, in TUpline upline, Span<PaidLine> lines, Span<int> forfeited = default, ReadOnlySpan<RoleHolding> roles = default)
        where TUpline : struct, IUplineTable
    {
        if (baseMinor <= 0 || schedule.Exclusion is not null)
        {
            return 0;
        }

        var remaining = baseMinor;
        var count = 0;
        if (schedule.Levels.Length > 0)
        {
            var writer = new LevelLines(lines, forfeited, baseMinor);
            remaining = LevelWalk.Pay(schedule, buyer, baseMinor, upline, ref writer);
            count = writer.Count;
        }

        if (_top > 0 && remaining > 0)
        {
            count = PayRanks(buyer, baseMinor, upline, lines, count, ref remaining);
        }

        if (!roles.IsEmpty && remaining > 0)
        {
            count = PayRoles(baseMinor, roles, lines, count, ref remaining);
        }

        if (_hasCap && count > 0)
        {
            ApplyCap(baseMinor, lines[..count], baseMinor - remaining);
        }

        return count;
    }

    private int PayRanks<TUpline>(int seller, long baseMinor, in TUpline network, Span<PaidLine> lines, int count, ref long remaining)
        where TUpline : struct, IUplineTable
    {
        var paidBelow = 0;          // h: the highest rank level already paid below
        var paidBelowAmount = 0L;   // R(B × r(h)): cumulative rounding keeps the total differential at R(B × r_max)
        var holder = -1;            // the member holding h (the last to raise it)
        var holderDifferential = 0L;
        var generation = 0;
        for (var u = _sellerEarnsOwnRank ? seller : network.ParentAt(seller); u >= 0 && remaining > 0; u = network.ParentAt(u))
        {
            // Members who may not earn (suspended, inactive, or not a promoter when only designated promoters earn)
            // are invisible to the walk: they neither earn nor raise h.
            var status = network.StatusAt(u);
            if ((status & Barred) != 0 || (_promotersOnly && (status & EarnerStatus.Promoter) == 0))
            {
                continue;
            }

            var rank = network.RankAt(u);
            if (rank > paidBelow)
            {
                var cumulative = _differential[rank].Of(baseMinor, _rounding);
                var amount = Math.Min(remaining, cumulative - paidBelowAmount);
                if (amount > 0)
                {
                    lines[count++] = new PaidLine { Beneficiary = u, Amount = amount, Uncapped = amount, Basis = baseMinor, Source = paidBelow, Kind = CommissionRuleKind.Differential, Ordinal = (byte)rank };
                    remaining -= amount;
                }

                paidBelow = rank;
                paidBelowAmount = cumulative;
                holder = u;
                holderDifferential = Math.Max(0, amount);
                generation = 0;
            }
            else if (rank == paidBelow && rank > 0 && generation < _generations)
            {
                generation++;
                var basis = _peerOfBase ? baseMinor : holderDifferential;
                var amount = Math.Min(remaining, _peer[rank].Of(basis, _rounding));
                if (amount > 0)
                {
                    lines[count++] = new PaidLine { Beneficiary = u, Amount = amount, Uncapped = amount, Basis = basis, Source = holder, Kind = CommissionRuleKind.Peer, Ordinal = (byte)generation };
                    remaining -= amount;
                }
            }

            // At the top rate no differential is left; walk on only to find the top rank's peers.
            if (paidBelow == _top && (generation >= _generations || _peer[_top].IsZero))
            {
                break;
            }
        }

        return count;
    }

    // Roles in the plan's order: a fixed share (rate or amount), or a banded role's whole-volume band rate or marginal effective rate T / V.
    private int PayRoles(long baseMinor, ReadOnlySpan<RoleHolding> roles, Span<PaidLine> lines, int count, ref long remaining)
    {
        for (var i = 0; i < _roles.Length && remaining > 0; i++)
        {
            var holding = roles[i];
            if (holding.Holder < 0)
            {
                continue;
            }

            var role = _roles[i];
            var band = 0;
            long wanted;
            if (role.Schedule is null)
            {
                wanted = role.Fixed >= 0 ? role.Fixed : role.ShareRate.Of(baseMinor, _rounding);
            }
            else
            {
                band = role.Schedule.BandIndexOf(holding.Volume);
                // A volume netted to zero by refunds pays the lowest band's rate, the limit of T / V as V falls to zero.
                wanted = role.Marginal && holding.Volume > 0
                    ? (long)MinorUnitArithmetic.RoundQuotient((UInt128)(ulong)baseMinor * (ulong)holding.PeriodPay, (UInt128)(ulong)holding.Volume, _rounding)
                    : role.BandRates[band].Of(baseMinor, _rounding);
            }

            var amount = Math.Min(remaining, wanted);
            if (amount > 0)
            {
                lines[count++] = new PaidLine { Beneficiary = holding.Holder, Amount = amount, Uncapped = amount, Basis = baseMinor, Source = band, Kind = role.Kind, Ordinal = (byte)(i + 1) };
                remaining -= amount;
            }
        }

        return count;
    }

    // Scales every line down to exactly R_down(B × cap) by largest remainder, weights = the amounts, ties by line order.
    private void ApplyCap(long baseMinor, Span<PaidLine> lines, long paid)
    {
        var cap = _cap.Of(baseMinor, RoundingMode.Down);
        if (paid <= cap)
        {
            return;
        }

        Span<long> weights = lines.Length <= 128 ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<long> parts = lines.Length <= 128 ? stackalloc long[lines.Length] : new long[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            weights[i] = lines[i].Amount;
        }

        LargestRemainder.Allocate(cap, weights, parts);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i].Amount = parts[i];
            lines[i].Capped = true;
        }
    }

    /// <summary>A plan role with its rates precomputed.</summary>
    private sealed class KernelRole
    {
        internal KernelRole(PlanRole role)
        {
            Kind = role.Kind;
            Fixed = role.Share?.FixedAmount?.MinorUnits ?? -1;
            ShareRate = new RateFactor(role.Share?.Rate ?? Rate.Zero);
            if (role.Schedule is { } schedule)
            {
                Schedule = schedule;
                BandRates = [.. schedule.Bands.Select(b => new RateFactor(b.Rate))];
                Marginal = schedule.Mode == StaffBandMode.Marginal;
            }
        }

        internal CommissionRuleKind Kind { get; }

        internal long Fixed { get; }

        internal RateFactor ShareRate { get; }

        internal StaffSchedule? Schedule { get; }

        internal RateFactor[] BandRates { get; } = [];

        internal bool Marginal { get; }
    }

    /// <summary>Level lines as the kernel keeps them: into the order's line buffer, forfeits by level when asked for.</summary>
    private ref struct LevelLines(Span<PaidLine> lines, Span<int> forfeited, long baseMinor) : ILevelWriter
    {
        private readonly Span<PaidLine> _lines = lines;
        private readonly Span<int> _forfeited = forfeited;

        public int Count { get; private set; }

        public void Paid(int level, int beneficiary, long amount, int below, int compressed) =>
            _lines[Count++] = new PaidLine { Beneficiary = beneficiary, Amount = amount, Uncapped = amount, Basis = baseMinor, Source = below, Count = compressed, Kind = CommissionRuleKind.Level, Ordinal = (byte)level };

        public readonly void Forfeited(int level, int upline, EarnerStatus status)
        {
            if (!_forfeited.IsEmpty)
            {
                _forfeited[level - 1] = upline;
            }
        }
    }
}
