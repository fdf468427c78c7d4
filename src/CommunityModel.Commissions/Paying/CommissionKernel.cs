using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Rules;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The paying loop of a <see cref="CommissionPlan"/>, shared by the per-order calculator and the month-end run
/// so both give the same lines by construction: it composes the plan's rule steps (<see cref="PlanRules"/>: levels,
/// the rank walk, roles, the cap) over dense indices and minor units, lines written to a caller's span. Allocates
/// nothing. Immutable and thread-safe.
/// </summary>
internal sealed class CommissionKernel
{
    private const int StackLines = 64;
    private readonly PlanRules _rules;

    internal CommissionKernel(CommissionPlan plan)
    {
        _rules = new PlanRules(plan);
        Standard = plan.Schedules.Default;
        MaxLines = _rules.MaxLines;
        var levels = plan.Levels.Length;
        var top = plan.Ladder.Count;
        KindSlots = [-1, -1, -1, -1, -1];
        foreach (var (kind, used) in new[] { (CommissionRuleKind.Level, levels > 0), (CommissionRuleKind.Differential, top > 0), (CommissionRuleKind.Peer, top > 0 && plan.PeerGenerations > 0) })
        {
            KindSlots[(int)kind] = used ? SlotCount++ : -1;
        }
    }

    /// <summary>The plan's rule steps.</summary>
    internal PlanRules Rules => _rules;

    /// <summary>The plan's own level rewards: what an order without a schedule of its own pays.</summary>
    internal RewardSchedule Standard { get; }

    /// <summary>Per rule kind, its slot in per-member totals; -1 for a kind this plan never pays (so totals take only the room they need).</summary>
    internal int[] KindSlots { get; }

    /// <summary>How many rule kinds this plan pays: the per-member totals' width.</summary>
    internal int SlotCount { get; }

    /// <summary>How many roles the plan pays: the length of the holdings <see cref="Pay"/> reads.</summary>
    internal int RoleCount => _rules.RoleCount;

    /// <summary>The most lines one order can produce: the size of the span <see cref="Pay"/> needs.</summary>
    internal int MaxLines { get; }

    /// <summary>Pays one order: levels, then differential and peer bonus, then roles, then the cap. Returns the number of lines written.</summary>
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

        var payment = new OrderPayment
        {
            Schedule = schedule,
            Buyer = buyer,
            Base = baseMinor,
            Lines = lines,
            Forfeited = forfeited,
            Roles = roles,
            Remaining = baseMinor,
        };
        _rules.Pay(ref payment, upline);
        return payment.Count;
    }

    /// <summary>
    /// Pays one order into compact run lines (order number 0), without roles: the calculator's span path. A plan whose only
    /// rule is its levels writes them straight from the level walk; any other plan is paid by <see cref="Pay"/> and copied.
    /// </summary>
    /// <param name="schedule">The order's level rewards.</param>
    /// <param name="buyer">The buyer's (seller's) index.</param>
    /// <param name="baseMinor">The base in minor units.</param>
    /// <param name="upline">Sponsors, ranks and statuses.</param>
    /// <param name="destination">Receives the lines; at least <see cref="MaxLines"/> long.</param>
    /// <returns>The number of lines written.</returns>
    internal int PayCompact<TUpline>(RewardSchedule schedule, int buyer, long baseMinor, in TUpline upline, Span<CommissionRunLine> destination)
        where TUpline : struct, IUplineTable
    {
        if (baseMinor <= 0 || schedule.Exclusion is not null)
        {
            return 0;
        }

        if (_rules.LevelsOnly)
        {
            return LevelRule.PayCompact(schedule, buyer, baseMinor, upline, destination);
        }

        Span<PaidLine> paid = MaxLines <= StackLines ? stackalloc PaidLine[MaxLines] : new PaidLine[MaxLines];
        var count = Pay(schedule, buyer, baseMinor, upline, paid);
        for (var i = 0; i < count; i++)
        {
            ref readonly var line = ref paid[i];
            destination[i] = new CommissionRunLine(0, line.Beneficiary, line.Amount, line.Uncapped, line.Kind, line.Ordinal, line.Capped);
        }

        return count;
    }
}
