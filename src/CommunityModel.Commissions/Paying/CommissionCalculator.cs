using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Staff;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The per-order calculator of a <see cref="CommissionPlan"/>, for the online path (a CRM at checkout): levels, then the
/// rank differential (级差), then the peer bonus (平级奖), then the plan's roles (division → agent → staff), then the
/// per-order cap, every line explained. The month-end <see cref="Run.CommissionRun"/> pays with the same kernel and
/// gives the same lines.
/// </summary>
/// <remarks>
/// <para>
/// Levels: walking up from the buyer's sponsor, an eligible upline takes the next level; an ineligible one (suspended,
/// inactive, or not a promoter when the plan says so) forfeits its level or is compressed past, by the plan; a fixed
/// amount wins over a rate; a rate's product is rounded by the plan (down by default).
/// </para>
/// <para>
/// Differential: walking up from the seller (or its sponsor when the seller's rank does not pay), each upline
/// whose rank's rate r is above the highest rate h already paid below earns <c>R(B·r) − R(B·h)</c>, so the
/// differential lines always total <c>R(B·r_max)</c>: never more than the top rate of the base. Equal or lower
/// rates earn nothing (breakage stays with the company); members who may not earn neither earn nor raise h.
/// </para>
/// <para>
/// Peer bonus: above the member holding the current highest rank, each further upline of that same rank earns
/// the peer rate (of the base, or of the holder's differential) for at most N generations; meeting a higher rank
/// makes it the new holder and resets the count. After the top rate the walk only looks for top-rank peers.
/// </para>
/// <para>
/// No line exceeds what is left of the base, and what no one earns stays with the company:
/// <c>sum(lines) + retained == base</c>, exactly. When the lines exceed the cap <c>R_down(B·cap)</c>, they are scaled
/// to exactly the cap by largest remainder (weights: the amounts; ties: line order). Stateless and thread-safe.
/// Attribution is fixed here: the result names its beneficiaries, and later re-binding never moves money already computed.
/// </para>
/// </remarks>
public sealed class CommissionCalculator
{
    private const int StackLines = 64;

    /// <summary>Creates a calculator for a plan.</summary>
    /// <param name="plan">The plan.</param>
    public CommissionCalculator(CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
    }

    /// <summary>The plan this calculator pays.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>Computes what the plan pays on an order line when no member holds a rank and every member is active.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="network">The referral network at order time.</param>
    /// <returns>The commission, every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable (empty id, negative amount, wrong currency, missing cost), or names a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Calculate(order, network, null, null, null);
    }

    /// <summary>Computes what the plan pays on an order line when no member holds a rank, skipping members the roster says may not earn.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="earners">The network at order time with every member's status.</param>
    /// <returns>The commission, every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable, or names a role the plan does not have.</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, EarnerRoster earners)
    {
        ArgumentNullException.ThrowIfNull(earners);
        return Calculate(order, earners.Network, null, earners, null);
    }

    /// <summary>Computes what the plan pays on an order line; every member counts as active.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="ranks">The ranks held in the order's period, over the network at order time.</param>
    /// <returns>The commission, every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable (empty id, negative amount, wrong currency, missing cost), or the ranks use another ladder (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, MemberRanks ranks) => Calculate(order, ranks, null, null);

    /// <summary>Computes what the plan pays on an order line, skipping members the roster says may not earn.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="ranks">The ranks held in the order's period, over the network at order time.</param>
    /// <param name="earners">Every member's status, over the same network; <see langword="null"/> when every member is active.</param>
    /// <returns>The commission, every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable, or the ranks or roster describe another ladder or network (<see cref="CommissionErrorCodes.SnapshotMismatch"/>), or the order names a banded role without volumes.</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, MemberRanks ranks, EarnerRoster? earners) => Calculate(order, ranks, earners, null);

    /// <summary>
    /// Computes what the plan pays on an order line, the plan's roles included: levels, differential, peer bonus, then
    /// each role the order names a holder for, in the plan's order, then the cap over every line.
    /// </summary>
    /// <param name="order">The order line, naming its role holders in <see cref="CommissionableOrder.Roles"/>.</param>
    /// <param name="ranks">The ranks held in the order's period, over the network at order time.</param>
    /// <param name="earners">Every member's status, over the same network; <see langword="null"/> when every member is active. Role holders are not members: statuses do not apply to them.</param>
    /// <param name="staffVolumes">The holders' period volumes, including this order; needed when the order names a holder for a banded role.</param>
    /// <returns>The commission, every line explained, with the roles left unfilled.</returns>
    /// <exception cref="CommissionException">
    /// The order is unusable; the ranks, roster or volumes describe another ladder, network or plan (<see cref="CommissionErrorCodes.SnapshotMismatch"/>);
    /// the order names a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>) or an empty holder; or a banded role has
    /// no volumes, or volumes that do not include the order (<see cref="CommissionErrorCodes.StaffVolumeMissing"/>).
    /// </exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, MemberRanks ranks, EarnerRoster? earners, StaffVolumes? staffVolumes)
    {
        CheckInputs(Plan, ranks, earners);
        return Calculate(order, ranks.Network, ranks, earners, staffVolumes);
    }

    /// <summary>
    /// Pays an order under a resolved <see cref="RewardSchedule"/>, writing the compact lines the month-end run writes into
    /// <paramref name="destination"/> without allocating: the hot path for an integrator who keeps each member's dense
    /// index (<see cref="NetworkSnapshot.IndexOf"/>) and the order's base in minor units. The same lines, in the same
    /// order, as <see cref="OrderCommission.Lines"/>; a role is never filled here (roles need the order's holders).
    /// </summary>
    /// <param name="schedule">The rewards for the order's product, tier and kind, from this plan's <see cref="CommissionPlan.ScheduleFor"/>.</param>
    /// <param name="buyer">The buyer's dense index in <paramref name="earners"/>' network.</param>
    /// <param name="baseMinorUnits">The commissionable base in minor units of the plan currency (amount paid, or paid minus cost, by the plan).</param>
    /// <param name="earners">The network at order time with every member's status (<see cref="EarnerRoster.AllActive"/> when none matters).</param>
    /// <param name="destination">Where the lines go (their <see cref="CommissionRunLine.Order"/> is 0); <see cref="CommissionPlan.MaxLinesPerOrder"/> long always suffices.</param>
    /// <param name="ranks">The ranks held in the order's period over the same network; <see langword="null"/> when no member holds one.</param>
    /// <returns>How many lines were written (0 for an excluded schedule); the company retains the base minus their sum.</returns>
    /// <exception cref="CommissionException">The base is negative (<see cref="CommissionErrorCodes.InvalidRequest"/>), or the ranks describe another ladder or network (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The buyer is not an index of the network.</exception>
    /// <exception cref="ArgumentException">The schedule belongs to another plan, or <paramref name="destination"/> is shorter than <see cref="CommissionPlan.MaxLinesPerOrder"/>.</exception>
    public int Calculate(RewardSchedule schedule, int buyer, long baseMinorUnits, EarnerRoster earners, Span<CommissionRunLine> destination, MemberRanks? ranks = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(earners);
        if (!Plan.Schedules.Owns(schedule))
        {
            throw new ArgumentException($"The schedule belongs to another plan than this calculator's plan '{Plan.Name}'; resolve it with this plan's ScheduleFor.", nameof(schedule));
        }

        if (ranks is not null && (ranks.Ladder != Plan.Ladder || ranks.Network != earners.Network))
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"The ranks were qualified on another ladder or network than plan '{Plan.Name}''s and the roster's.");
        }

        if (buyer < 0 || buyer >= earners.Network.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(buyer), buyer, $"The buyer index must be from 0 to {earners.Network.Count - 1}.");
        }

        if (baseMinorUnits < 0)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"The commissionable base is {baseMinorUnits} minor units; it must be zero or more (record refunds in the ledger instead).");
        }

        var max = Plan.Kernel.MaxLines;
        if (destination.Length < max)
        {
            throw new ArgumentException($"The destination holds {destination.Length} line(s); plan '{Plan.Name}' pays up to {max} on one order.", nameof(destination));
        }

        return Plan.Kernel.PayCompact(schedule, buyer, baseMinorUnits, new SnapshotUpline(earners.Network, ranks?.Levels, earners), destination);
    }

    /// <summary>Computes what the plan pays on an order line when no member holds a rank into a buffer the caller owns and reuses, skipping members the roster says may not earn.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="earners">The network at order time with every member's status (<see cref="EarnerRoster.AllActive"/> when none matters).</param>
    /// <param name="destination">The buffer, created for this calculator's plan; it holds this order's commission until the next call. When the call throws, it still holds the previous one.</param>
    /// <exception cref="CommissionException">The order is unusable, or names a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    /// <exception cref="ArgumentException">The buffer was created for another plan.</exception>
    public void Calculate(CommissionableOrder order, EarnerRoster earners, OrderCommissionBuffer destination) => Calculate(order, null, earners, null, destination);

    /// <summary>
    /// Computes what the plan pays on an order line into a buffer the caller owns and reuses: the online path's
    /// explained result without an allocation per order. The buffer answers who earns what under which rule
    /// (<see cref="OrderCommissionBuffer.this[int]"/>) and gives the full <see cref="OrderCommission"/> on request
    /// (<see cref="OrderCommissionBuffer.ToOrderCommission"/>), equal to what <see cref="Calculate(CommissionableOrder, MemberRanks, EarnerRoster?, StaffVolumes?)"/> returns.
    /// </summary>
    /// <param name="order">The order line, naming its role holders in <see cref="CommissionableOrder.Roles"/>.</param>
    /// <param name="ranks">The ranks held in the order's period over the same network; <see langword="null"/> when no member holds one.</param>
    /// <param name="earners">The network at order time with every member's status (<see cref="EarnerRoster.AllActive"/> when none matters).</param>
    /// <param name="staffVolumes">The holders' period volumes, including this order; needed when the order names a holder for a banded role.</param>
    /// <param name="destination">The buffer, created for this calculator's plan; it holds this order's commission until the next call. When the call throws, it still holds the previous one.</param>
    /// <exception cref="CommissionException">
    /// The order is unusable; the ranks, roster or volumes describe another ladder, network or plan (<see cref="CommissionErrorCodes.SnapshotMismatch"/>);
    /// the order names a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>) or an empty holder; or a banded role has
    /// no volumes, or volumes that do not include the order (<see cref="CommissionErrorCodes.StaffVolumeMissing"/>).
    /// </exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    /// <exception cref="ArgumentException">The buffer was created for another plan.</exception>
    public void Calculate(CommissionableOrder order, MemberRanks? ranks, EarnerRoster earners, StaffVolumes? staffVolumes, OrderCommissionBuffer destination)
    {
        ArgumentNullException.ThrowIfNull(earners);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Plan != Plan)
        {
            throw new ArgumentException($"The buffer was created for plan '{destination.Plan.Name}', this calculator pays plan '{Plan.Name}'; create it with new OrderCommissionBuffer(calculator.Plan).", nameof(destination));
        }

        if (ranks is not null)
        {
            CheckInputs(Plan, ranks, earners);
        }

        destination.Fill(this, order, earners.Network, ranks, earners, staffVolumes);
    }

    /// <summary>Checks that ranks, roster and plan describe one network and one ladder.</summary>
    internal static void CheckInputs(CommissionPlan plan, MemberRanks ranks, EarnerRoster? earners)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Ladder != plan.Ladder)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"The ranks were qualified on another ladder than plan '{plan.Name}''s; qualify them with the plan's Qualifier or create them over plan.Ladder.");
        }

        if (earners is not null && earners.Network != ranks.Network)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, "The earner roster describes another network snapshot than the ranks.");
        }
    }

    private OrderCommission Calculate(CommissionableOrder order, NetworkSnapshot network, MemberRanks? ranks, EarnerRoster? earners, StaffVolumes? staffVolumes)
    {
        var max = Plan.Kernel.MaxLines;
        Span<PaidLine> paid = max <= StackLines ? stackalloc PaidLine[max] : new PaidLine[max];
        Span<int> forfeitedAt = stackalloc int[CommissionPlan.MaxLevels];
        Span<RoleHolding> holdings = stackalloc RoleHolding[Plan.Roles.Length];
        var payment = Pay(order, network, ranks, earners, staffVolumes, paid, forfeitedAt, holdings);
        return Explain(Plan, order, network, ranks, earners, payment, paid, forfeitedAt, holdings);
    }

    /// <summary>
    /// Pays one order line into caller-provided spans: the shared first half of the explained result and of the buffer.
    /// Everything that can refuse the order is checked before anything is written, so a refusal leaves the spans as they were.
    /// </summary>
    internal OrderPaid Pay(CommissionableOrder order, NetworkSnapshot network, MemberRanks? ranks, EarnerRoster? earners, StaffVolumes? staffVolumes, Span<PaidLine> paid, Span<int> forfeitedAt, Span<RoleHolding> holdings)
    {
        ArgumentNullException.ThrowIfNull(order);
        var plan = Plan;
        var baseMinor = plan.BaseOf(order);
        var buyer = network.IndexOf(order.Buyer);
        var schedule = plan.ScheduleFor(order.ProductId, order.LadderTier, order.Kind);
        ImmutableArray<string> unfilled = [];
        if (!plan.Roles.IsEmpty || order.Roles.Count != 0)
        {
            Span<RoleHolding> held = stackalloc RoleHolding[plan.Roles.Length];
            unfilled = PlanRoles.Hold(plan, order, baseMinor, schedule.Exclusion is not null, staffVolumes, held);
            held.CopyTo(holdings);
        }

        forfeitedAt.Fill(-1);
        var count = plan.Kernel.Pay(schedule, buyer, baseMinor, new SnapshotUpline(network, ranks?.Levels, earners), paid, forfeitedAt, holdings);
        long total = 0;
        foreach (ref readonly var line in paid[..count])
        {
            total += line.Amount;
        }

        return new OrderPaid(schedule, baseMinor, count, total, unfilled);
    }

    /// <summary>The explained result of a paid order: the shared second half of <see cref="Calculate(CommissionableOrder, MemberRanks, EarnerRoster?, StaffVolumes?)"/> and <see cref="OrderCommissionBuffer.ToOrderCommission"/>.</summary>
    internal static OrderCommission Explain(CommissionPlan plan, CommissionableOrder order, NetworkSnapshot network, MemberRanks? ranks, EarnerRoster? earners, in OrderPaid payment, ReadOnlySpan<PaidLine> paid, ReadOnlySpan<int> forfeitedAt, ReadOnlySpan<RoleHolding> holdings)
    {
        var currency = plan.Currency;
        var count = payment.Count;
        var lines = new CommissionLine[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = PlanRules.Explain(plan, order, paid[i], network, ranks, payment.Schedule, holdings);
        }

        var capped = count > 0 && paid[0].Capped;
        return new OrderCommission(
            order.OrderLineId,
            order.Buyer,
            plan.Name,
            order.AmountPaid,
            Money.FromMinorUnits(payment.Base, currency),
            ImmutableCollectionsMarshal.AsImmutableArray(lines),
            Money.FromMinorUnits(payment.Base - payment.Paid, currency),
            capped ? Money.FromMinorUnits(payment.Paid, currency) : null)
        {
            Forfeited = Forfeited(forfeitedAt, network, earners),
            UnfilledRoles = payment.Unfilled,
            Exclusion = payment.Schedule.Exclusion,
        };
    }

    // The levels forfeited, in level order; nothing is allocated when none was.
    private static ImmutableArray<ForfeitedLevel> Forfeited(ReadOnlySpan<int> forfeitedAt, NetworkSnapshot network, EarnerRoster? earners)
    {
        var count = 0;
        foreach (var upline in forfeitedAt)
        {
            count += upline >= 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var levels = new ForfeitedLevel[count];
        for (int level = 1, i = 0; level <= forfeitedAt.Length; level++)
        {
            if (forfeitedAt[level - 1] is var upline and >= 0)
            {
                levels[i++] = new ForfeitedLevel(level, network.MemberAt(upline), earners?.StatusAt(upline) ?? EarnerStatus.None);
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(levels);
    }
}
