using System.Collections.Immutable;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;

namespace CommunityModel.Demo;

/// <summary>
/// The month-end commission step: the month's orders in, their commission straight into the ledger, on the referral
/// network as it stood at the month end. The library's month-end run (<see cref="CommissionRun"/>) sums volumes, qualifies
/// ranks from them (the highest rank reached is kept when the plan says so, last month's ranks carried onto this month's
/// snapshot), then pays every order and streams its lines into the ledger (<see cref="CommissionLedger.AccrueRun"/>): no
/// second calculation. An order is explained on demand (<see cref="MonthClose.Explain"/>) by the per-order calculator over the run's ranks.
/// </summary>
/// <remarks>Holds last month's ranks between closes, so one instance closes the months of one run, in order.</remarks>
/// <param name="setup">The plans to pay.</param>
public sealed class MonthEnd(CommissionSetup setup)
{
    private readonly CommissionRun _run = new(setup.Plan);
    private MemberRanks? _previousRanks;

    /// <summary>The plans paid.</summary>
    public CommissionSetup Setup { get; } = setup;

    /// <summary>Pays every order of the month into the ledger.</summary>
    /// <param name="orders">The month's orders, each with the moment it was paid (<see cref="CommissionableOrder.PaidAt"/>).</param>
    /// <param name="network">The referral network at the month end.</param>
    /// <param name="ledger">The ledger the run accrues into.</param>
    /// <param name="closedAt">When the month closes: the freeze period of orders without their own paid time starts then.</param>
    /// <param name="refunds">Refunds recorded in the month: they take volume back from their buyers before ranks are qualified; none when <see langword="null"/>.</param>
    /// <param name="progress">Receives the run's progress (qualifying ranks, then orders paid).</param>
    /// <param name="sponsorChanges">The month's sponsor changes, so each order is paid on the upline its buyer had when it was paid; <see langword="null"/> to pay on the month-end network.</param>
    /// <returns>The run (ranks, totals by rule kind), the ledger events it accrued, and the lines per rule kind.</returns>
    public MonthClose Close(IReadOnlyList<CommissionableOrder> orders, NetworkSnapshot network, CommissionLedger ledger, DateTimeOffset closedAt, IReadOnlyList<VolumeEntry>? refunds = null, IProgress<CommissionRunProgress>? progress = null, SponsorHistory? sponsorChanges = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(ledger);
        // Orders of excluded products or kinds (the trial class) are in the run: it pays them nothing and counts no volume for them.
        var sink = new CountingByKind(ledger.AccrueRun(closedAt));
        var result = _run.Execute(EarnerRoster.AllActive(network), orders, refunds, previousRanks: _previousRanks?.CarryTo(network), sponsorChanges: sponsorChanges, sink: sink, progress: progress);
        _previousRanks = result.Ranks;
        return new MonthClose(result, [.. sink.Ledger.Events], [.. sink.Lines]);
    }

    // Forwards the run to the ledger, counting the lines above zero of each rule kind (the lines the ledger enters).
    private sealed class CountingByKind(CommissionRunAccrual ledger) : ICommissionRunSink
    {
        public CommissionRunAccrual Ledger { get; } = ledger;

        public long[] Lines { get; } = new long[Enum.GetValues<CommissionRuleKind>().Length];

        public void Begin(CommissionRunContext context) => Ledger.Begin(context);

        public void Write(ReadOnlySpan<CommissionRunLine> lines)
        {
            Ledger.Write(lines);
            foreach (var line in lines)
            {
                Lines[(int)line.Kind] += line.Amount > 0 ? 1 : 0;
            }
        }
    }
}
