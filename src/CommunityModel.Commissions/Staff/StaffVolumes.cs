using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Volumes;

namespace CommunityModel.Commissions.Staff;

/// <summary>
/// The role holders' period volumes under a <see cref="CommissionPlan"/>: for each role and holder, the sum of the
/// commissionable bases of the period's order lines naming that holder in that role. Banded (staff) roles pay on it.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The volume is the bases of the orders given, leaving out orders the plan excludes (by product or order kind), which
/// pay no rule, minus the volume of the refunds recorded in the period on order lines naming the holder in the role
/// (<see cref="VolumeEntry.Refund(CommissionableOrder, Money)"/>), never below zero: an order padded into the period
/// and refunded lifts no band. The ledger still claws back each refunded line's own pay. A banded role pays each of the
/// period's lines at the effective rate <c>T / V</c> of the netted volume (the band's rate for a whole-volume role), so once
/// the refunded lines are clawed back the holder keeps exactly <c>T</c>; a volume netted to zero pays the lowest band's rate
/// (the limit of <c>T / V</c>). Netting never raises a rate: effective rates do not fall as volume grows. A banded role's period pay <c>T = PayFor(V).Total</c> is computed once per holder when the volumes are created.
/// </remarks>
/// <example>
/// <code>
/// var volumes = StaffVolumes.Create(plan, monthOrders);
/// var result = new CommissionCalculator(plan).Calculate(order, ranks, roster, volumes);
/// </code>
/// </example>
public sealed class StaffVolumes
{
    private readonly FrozenDictionary<MemberId, int> _index;
    private readonly long[] _volumes;
    private readonly long[] _sold;
    private readonly long[] _pay;

    private StaffVolumes(CommissionPlan plan, MemberId[] holders, long[] volumes, long[] sold, long[] pay)
    {
        Plan = plan;
        Holders = ImmutableArray.Create(holders);
        _index = holders.Select((h, i) => (h, i)).ToFrozenDictionary(p => p.h, p => p.i);
        _volumes = volumes;
        _sold = sold;
        _pay = pay;
    }

    /// <summary>The plan whose roles and base the volumes were summed under.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>Every holder named by an order for any role, in ascending id order: the holder table of a month-end run.</summary>
    public ImmutableArray<MemberId> Holders { get; }

    /// <summary>Sums the holders' period volumes from the period's order lines.</summary>
    /// <param name="plan">The plan: its roles, base and currency.</param>
    /// <param name="orders">The period's order lines, each once.</param>
    /// <returns>The volumes.</returns>
    /// <exception cref="CommissionException">An order is unusable or appears twice (<see cref="CommissionErrorCodes.InvalidRequest"/>), names an empty holder, or names a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>).</exception>
    public static StaffVolumes Create(CommissionPlan plan, IEnumerable<CommissionableOrder> orders) => Create(plan, orders, []);

    /// <summary>
    /// Sums the holders' period volumes from the period's order lines, net of the refunds recorded in the period: each
    /// refund takes its volume back from the refunded order line's holders (<see cref="VolumeEntry.Roles"/>, or the holders of
    /// the period's order line named by <see cref="VolumeEntry.OrderLineId"/>), never below zero.
    /// </summary>
    /// <param name="plan">The plan: its roles, base and currency.</param>
    /// <param name="orders">The period's order lines, each once.</param>
    /// <param name="refunds">The refunds recorded in the period; a refund naming no holder and no order line of the period moves no staff volume.</param>
    /// <returns>The volumes.</returns>
    /// <exception cref="CommissionException">An order is unusable or appears twice, or an order or refund names an empty holder (<see cref="CommissionErrorCodes.InvalidRequest"/>), a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>), or a refund is in another currency (<see cref="CommissionErrorCodes.OrderCurrency"/>).</exception>
    public static StaffVolumes Create(CommissionPlan plan, IEnumerable<CommissionableOrder> orders, IEnumerable<VolumeEntry> refunds)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(refunds);
        var list = orders as IReadOnlyList<CommissionableOrder> ?? [.. orders];
        var bases = new long[list.Count];
        var schedules = new RewardSchedule?[list.Count];
        var ids = new Dictionary<string, CommissionableOrder>(list.Count, StringComparer.Ordinal);
        for (var i = 0; i < bases.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(orders));
            bases[i] = plan.BaseOf(list[i]);
            schedules[i] = plan.ScheduleFor(list[i].ProductId, list[i].LadderTier, list[i].Kind);
            if (!ids.TryAdd(list[i].OrderLineId, list[i]))
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order line '{list[i].OrderLineId}' appears twice in the period; each order line counts once.");
            }
        }

        var refundList = refunds as IReadOnlyList<VolumeEntry> ?? [.. refunds];
        foreach (var refund in refundList)
        {
            CheckRefund(plan, refund);
        }

        return Create(plan, list, [], bases, schedules, [], refundList, id => ids.GetValueOrDefault(id));
    }

    /// <summary>
    /// Checks a refund: in the plan's currency, and the holders it names itself (<see cref="VolumeEntry.Roles"/>) hold roles
    /// of the plan, each a holder. Holders taken from the period's order line were checked with that order.
    /// </summary>
    /// <exception cref="CommissionException">Another currency (<see cref="CommissionErrorCodes.OrderCurrency"/>), a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>) or an empty holder (<see cref="CommissionErrorCodes.InvalidRequest"/>).</exception>
    internal static void CheckRefund(CommissionPlan plan, VolumeEntry refund)
    {
        if (refund.Amount.Currency != plan.Currency)
        {
            throw new CommissionException(CommissionErrorCodes.OrderCurrency, $"A refund of member {refund.Member} is in {refund.Amount.Currency.Code}; plan '{plan.Name}' pays in {plan.Currency.Code}.");
        }

        foreach (var (role, holder) in refund.Roles ?? [])
        {
            if (!plan.TryGetRole(role, out _))
            {
                throw new CommissionException(CommissionErrorCodes.UnknownRole, $"The refund of member {refund.Member} (order line '{refund.OrderLineId}') names a holder for role '{role}'; plan '{plan.Name}' has roles: {PlanRoles.Names(plan)}.");
            }

            if (holder.IsEmpty)
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"The refund of member {refund.Member} (order line '{refund.OrderLineId}') names an empty holder for role '{role}'.");
            }
        }
    }

    /// <summary>A holder's period volume in a role; zero when no order names them in it.</summary>
    /// <param name="role">A role of the plan.</param>
    /// <param name="holder">The holder.</param>
    /// <returns>The volume.</returns>
    /// <exception cref="CommissionException">The plan has no such role (<see cref="CommissionErrorCodes.UnknownRole"/>).</exception>
    public Money Of(string role, MemberId holder)
    {
        var r = RoleIndex(role);
        return Money.FromMinorUnits(_index.TryGetValue(holder, out var h) ? VolumeAt(r, h) : 0, Plan.Currency);
    }

    /// <summary>What a banded role pays a holder for the period on their volume, band by band; <see langword="null"/> for a fixed-share role.</summary>
    /// <param name="role">A role of the plan.</param>
    /// <param name="holder">The holder.</param>
    /// <returns>The period's pay, or <see langword="null"/>.</returns>
    /// <exception cref="CommissionException">The plan has no such role (<see cref="CommissionErrorCodes.UnknownRole"/>).</exception>
    public StaffPay? PayFor(string role, MemberId holder) =>
        Plan.Roles[RoleIndex(role)].Schedule?.PayFor(Of(role, holder));

    /// <summary>The volume of holder <paramref name="holder"/> (an index of <see cref="Holders"/>) in the role at position <paramref name="role"/> (from 0).</summary>
    internal long VolumeAt(int role, int holder) => _volumes[(role * Holders.Length) + holder];

    /// <summary>The bases of the period's order lines naming the holder in the role, before refunds: at least any one such line's base.</summary>
    internal long SoldAt(int role, int holder) => _sold[(role * Holders.Length) + holder];

    /// <summary>A banded role's period pay <c>T</c> on that volume; 0 for a fixed-share role.</summary>
    internal long PeriodPayAt(int role, int holder) => _pay[(role * Holders.Length) + holder];

    /// <summary>The index of a holder in <see cref="Holders"/>, or -1.</summary>
    internal int IndexOf(MemberId holder) => _index.TryGetValue(holder, out var h) ? h : -1;

    /// <summary>
    /// Sums the volumes of checked orders: the k-th is <c>orders[positions[k]]</c> (or <c>orders[k]</c> when
    /// <paramref name="positions"/> is empty) with base <c>bases[k]</c> and schedule <c>schedules[k]</c> as the caller
    /// already resolved it (<see langword="null"/>, or an empty span, for the plan's own rewards). When
    /// <paramref name="holderOf"/> is not empty it receives, per order and plan role, the holder's index in
    /// <see cref="Holders"/> or -1 for an unfilled role. Each refund (checked by <see cref="CheckRefund"/>) then takes its
    /// volume back from its holders: those it names, or those of the period's order line <paramref name="orderById"/> finds.
    /// </summary>
    internal static StaffVolumes Create(CommissionPlan plan, IReadOnlyList<CommissionableOrder> orders, ReadOnlySpan<int> positions, ReadOnlySpan<long> bases, ReadOnlySpan<RewardSchedule?> schedules, Span<int> holderOf, IReadOnlyList<VolumeEntry> refunds, Func<string, CommissionableOrder?> orderById)
    {
        var roles = plan.Roles.Length;
        var sums = new Sums(roles);
        holderOf.Fill(-1);
        for (var k = 0; k < bases.Length; k++)
        {
            var order = orders[positions.IsEmpty ? k : positions[k]];
            if (order.Roles.Count == 0)
            {
                continue;
            }

            if (!schedules.IsEmpty && schedules[k]?.Exclusion is not null)
            {
                PlanRoles.CheckHolders(plan, order); // an excluded order pays no rule and adds to no holder's volume
                continue;
            }

            // Look the plan's few roles up rather than walk the order's tree; a name left over is a role the plan lacks.
            var found = 0;
            for (var r = 0; r < roles; r++)
            {
                if (order.Roles.TryGetValue(plan.Roles[r].Role, out var holder))
                {
                    found++;
                    PlanRoles.CheckHolder(order, plan.Roles[r].Role, holder);
                    var h = sums.Add(r, holder, bases[k]);
                    if (!holderOf.IsEmpty)
                    {
                        holderOf[(k * roles) + r] = h;
                    }
                }
            }

            if (found != order.Roles.Count)
            {
                PlanRoles.CheckHolders(plan, order);
            }
        }

        foreach (var refund in refunds)
        {
            var holders = refund.Roles;
            if (holders is null && refund.OrderLineId is { } id && orderById(id) is { } refunded)
            {
                if (refunded.Buyer != refund.Member)
                {
                    throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"A refund of member {refund.Member} names order line '{id}', which member {refunded.Buyer} bought.");
                }

                holders = refunded.Roles;
            }

            foreach (var (role, holder) in holders ?? [])
            {
                _ = plan.TryGetRole(role, out var r);
                sums.Subtract(r, holder, Math.Abs(refund.Amount.MinorUnits));
            }
        }

        return sums.Build(plan, holderOf);
    }

    /// <summary>
    /// Sums the volumes of a compact batch: <paramref name="holders"/> names, per order and plan role, the holder
    /// (<see langword="default"/> for none); orders whose schedule excludes them count nothing. <paramref name="holderOf"/>
    /// (as long as <paramref name="holders"/>) receives each holder's index in <see cref="Holders"/>, or -1.
    /// </summary>
    internal static StaffVolumes Create(CommissionPlan plan, ReadOnlySpan<long> bases, ReadOnlySpan<RewardSchedule?> schedules, ReadOnlySpan<MemberId> holders, Span<int> holderOf)
    {
        var roles = plan.Roles.Length;
        var sums = new Sums(roles);
        holderOf.Fill(-1);
        for (var k = 0; k < bases.Length; k++)
        {
            if (!schedules.IsEmpty && schedules[k]?.Exclusion is not null)
            {
                continue;
            }

            for (var r = 0; r < roles; r++)
            {
                var holder = holders[(k * roles) + r];
                if (!holder.IsEmpty)
                {
                    holderOf[(k * roles) + r] = sums.Add(r, holder, bases[k]);
                }
            }
        }

        return sums.Build(plan, holderOf);
    }

    private int RoleIndex(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return Plan.TryGetRole(role, out var r)
            ? r
            : throw new CommissionException(CommissionErrorCodes.UnknownRole, $"Plan '{Plan.Name}' has no role '{role}'; its roles: {PlanRoles.Names(Plan)}.");
    }

    /// <summary>Volumes per (holder, role) as holders are first seen; built into volumes with holders in ascending id order.</summary>
    private sealed class Sums(int roles)
    {
        private readonly Dictionary<MemberId, int> _seen = [];
        private readonly List<long> _sums = [];
        private readonly List<long> _refunded = [];

        /// <summary>Adds a base to a holder's volume in a role; returns the holder's first-seen number.</summary>
        public int Add(int role, MemberId holder, long baseMinor)
        {
            ref var h = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, holder, out var exists);
            if (!exists)
            {
                h = _seen.Count - 1;
                for (var r = 0; r < roles; r++)
                {
                    _sums.Add(0);
                    _refunded.Add(0);
                }
            }

            var at = (h * roles) + role;
            _sums[at] = checked(_sums[at] + baseMinor);
            return h;
        }

        /// <summary>Takes refunded volume back from a holder's volume in a role; a holder no order of the period names has none to lose.</summary>
        public void Subtract(int role, MemberId holder, long volume)
        {
            if (_seen.TryGetValue(holder, out var h))
            {
                var at = (h * roles) + role;
                _refunded[at] = checked(_refunded[at] + volume);
            }
        }

        /// <summary>Renumbers holders by id (also in <paramref name="holderOf"/>) and computes banded roles' period pay.</summary>
        public StaffVolumes Build(CommissionPlan plan, Span<int> holderOf)
        {
            var holders = new MemberId[_seen.Count];
            var firstSeen = new int[_seen.Count];
            foreach (var (holder, h) in _seen)
            {
                holders[h] = holder;
                firstSeen[h] = h;
            }

            Array.Sort(holders, firstSeen);
            var renumber = new int[holders.Length];
            for (var h = 0; h < holders.Length; h++)
            {
                renumber[firstSeen[h]] = h;
            }

            for (var i = 0; i < holderOf.Length; i++)
            {
                if (holderOf[i] >= 0)
                {
                    holderOf[i] = renumber[holderOf[i]];
                }
            }

            var volumes = new long[roles * holders.Length];
            var sold = new long[volumes.Length];
            var pay = new long[volumes.Length];
            for (var h = 0; h < holders.Length; h++)
            {
                for (var r = 0; r < roles; r++)
                {
                    var at = (firstSeen[h] * roles) + r;
                    var volume = Math.Max(0, _sums[at] - _refunded[at]); // refunds never take a volume below zero
                    sold[(r * holders.Length) + h] = _sums[at];
                    volumes[(r * holders.Length) + h] = volume;
                    if (volume > 0 && plan.Roles[r].Schedule is { } schedule)
                    {
                        pay[(r * holders.Length) + h] = schedule.PayFor(Money.FromMinorUnits(volume, plan.Currency)).Total.MinorUnits;
                    }
                }
            }

            return new StaffVolumes(plan, holders, volumes, sold, pay);
        }
    }
}
