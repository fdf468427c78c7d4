using System.Collections.Immutable;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Volumes;

namespace CommunityModel.Demo;

/// <summary>
/// What only the month end pays: the rank differential (级差) and the peer bonus (平级奖) of a team plan. Every level
/// line is accrued online, order by order, by the community's commissions (<see cref="CommunityCommissions"/>), which
/// cannot know ranks: ranks are qualified from the whole month's volumes. So the month end runs the plan's one pipeline
/// (<see cref="CommissionRun"/>) over the month's orders — volumes net of the month's refunds, ranks qualified (the
/// highest rank reached is kept when the plan says so), then every order paid — and enters only its differential and
/// peer lines, each order's under its own ledger line (<see cref="RankLine"/>), so no level line is ever accrued twice.
/// </summary>
/// <remarks>Holds last month's ranks between closes, so one instance closes the months of one run, in order.</remarks>
/// <param name="setup">The plans to pay.</param>
public sealed class MonthEnd(CommissionSetup setup)
{
    private readonly CommissionRun _run = new(setup.Plan);
    private MemberRanks? _previousRanks;

    /// <summary>The plans paid.</summary>
    public CommissionSetup Setup { get; } = setup;

    /// <summary>Whether a plan pays anything at the month end: only plans with ranks do.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns><see langword="true"/> when the plan has ranks.</returns>
    public static bool PaysRanks(CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return !plan.Ladder.Ranks.IsEmpty;
    }

    /// <summary>
    /// Whether lines of a kind are entered at the month end: the differential and the peer bonus, which need the month's ranks.
    /// Every other line (levels, role lines of the buyer's care team) is accrued online, order by order.
    /// </summary>
    /// <param name="kind">The kind of rule.</param>
    /// <returns><see langword="true"/> for <see cref="CommissionRuleKind.Differential"/> and <see cref="CommissionRuleKind.Peer"/>.</returns>
    public static bool PaidAtMonthEnd(CommissionRuleKind kind) => kind is CommissionRuleKind.Differential or CommissionRuleKind.Peer;

    /// <summary>The ledger line of an order's month-end lines, beside the order's own line (its levels, accrued online).</summary>
    /// <param name="orderId">The community's order id.</param>
    /// <returns>The ledger line id.</returns>
    public static string RankLine(string orderId) => orderId + "/ranks";

    /// <summary>Qualifies the month's ranks and accrues the differential and peer lines of every order of the month.</summary>
    /// <param name="orders">The month's paid orders, under the community's order ids, each with the moment it was paid (<see cref="CommissionableOrder.PaidAt"/>).</param>
    /// <param name="earners">The referral network at the month end with every member's status.</param>
    /// <param name="ledger">The ledger the community's commissions accrue into.</param>
    /// <param name="closedAt">When the month closes: the freeze period of orders without their own paid time starts then.</param>
    /// <param name="refunds">Refunds recorded in the month: they take volume back from their buyers before ranks are qualified; none when <see langword="null"/>.</param>
    /// <param name="progress">Receives the run's progress (qualifying ranks, then orders paid).</param>
    /// <returns>The run (ranks, <see cref="CommissionRunResult.ExplainRank"/>), the ledger events it accrued, and the lines and amounts entered per rule kind.</returns>
    public MonthClose Close(IReadOnlyList<CommissionableOrder> orders, EarnerRoster earners, CommissionLedger ledger, DateTimeOffset closedAt, IReadOnlyList<VolumeEntry>? refunds = null, IProgress<CommissionRunProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(earners);
        ArgumentNullException.ThrowIfNull(ledger);
        // Orders of excluded products (the trial class) are in the run: it pays them nothing and counts no volume for them.
        var sink = new RankLinesOnly(ledger.AccrueRun(closedAt));
        var lines = orders.Select(o => o with { OrderLineId = RankLine(o.OrderLineId) });
        var result = _run.Execute(earners, lines, refunds, previousRanks: _previousRanks?.CarryTo(earners.Network), sink: sink, progress: progress);
        _previousRanks = result.Ranks;
        return new MonthClose(result, earners, [.. sink.Ledger.Events], [.. sink.Lines], [.. sink.Amounts.Select(a => Money.FromMinorUnits(a, Setup.Plan.Currency))]);
    }

    // Forwards the run's differential and peer lines to the ledger (levels and role lines were accrued online, order by order), counting the lines above zero and their amounts per rule kind.
    private sealed class RankLinesOnly(CommissionRunAccrual ledger) : ICommissionRunSink
    {
        private CommissionRunLine[] _buffer = [];

        public CommissionRunAccrual Ledger { get; } = ledger;

        public long[] Lines { get; } = new long[Enum.GetValues<CommissionRuleKind>().Length];

        public long[] Amounts { get; } = new long[Enum.GetValues<CommissionRuleKind>().Length];

        public void Begin(CommissionRunContext context) => Ledger.Begin(context);

        public void Write(ReadOnlySpan<CommissionRunLine> lines)
        {
            if (_buffer.Length < lines.Length)
            {
                _buffer = new CommissionRunLine[lines.Length];
            }

            var kept = 0;
            foreach (var line in lines)
            {
                if (PaidAtMonthEnd(line.Kind))
                {
                    _buffer[kept++] = line;
                    Lines[(int)line.Kind] += line.Amount > 0 ? 1 : 0;
                    Amounts[(int)line.Kind] += line.Amount;
                }
            }

            if (kept > 0)
            {
                Ledger.Write(_buffer.AsSpan(0, kept));
            }
        }
    }
}
