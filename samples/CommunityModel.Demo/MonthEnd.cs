using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;

namespace CommunityModel.Demo;

/// <summary>
/// The month-end commission step: the month's orders in, each order's commission lines out, on the referral network
/// as it stood at the month end. A team plan is paid by the library's month-end run (<see cref="CommissionRun"/>):
/// volumes, then ranks qualified from them (the highest rank reached is kept when the plan says so), then every
/// order; each order is explained by <see cref="CommissionCalculator"/> over the run's ranks, and the month end
/// refuses to close if the two disagree on a single line. A levels-only plan is paid by <see cref="CommissionCalculator"/>.
/// </summary>
/// <remarks>Holds last month's ranks between closes, so one instance closes the months of one run, in order.</remarks>
/// <param name="setup">The plans to pay.</param>
public sealed class MonthEnd(CommissionSetup setup)
{
    private readonly CommissionRun _run = new(setup.Plan);
    private readonly CommissionCalculator _explainer = new(setup.Plan);
    private MemberRanks? _previousRanks;

    /// <summary>The plans paid.</summary>
    public CommissionSetup Setup { get; } = setup;

    /// <summary>Computes the commission of every order of the month.</summary>
    /// <param name="orders">The month's orders, in the order they were paid.</param>
    /// <param name="network">The referral network at the month end.</param>
    /// <param name="refunds">Refunds recorded in the month: they take volume back from their buyers before ranks are qualified (team plans); none when <see langword="null"/>.</param>
    /// <param name="progress">Receives the team run's progress (qualifying ranks, then orders paid); not called for a levels-only plan.</param>
    /// <returns>Every order's lines (in the order given) and, for a team plan, the run: ranks, totals by rule kind, the ledger it streamed.</returns>
    public MonthClose Close(IReadOnlyList<CommissionableOrder> orders, NetworkSnapshot network, IReadOnlyList<VolumeEntry>? refunds = null, IProgress<CommissionRunProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(network);
        // Orders of excluded products or kinds (the trial class) are in the run: it pays them nothing and counts no
        // volume for them, and the calculator explains why (Exclusion), exactly as the level calculator did.
        var sink = new RunLines();
        var result = _run.Execute(EarnerRoster.AllActive(network), orders, refunds, previousRanks: Carried(network), sink: sink, progress: progress);
        _previousRanks = result.Ranks;

        var explained = ImmutableArray.CreateBuilder<OrderCommission>(orders.Count);
        foreach (var order in orders)
        {
            var compensation = _explainer.Calculate(order, result.Ranks);
            explained.Add(compensation);
        }

        var commissions = explained.MoveToImmutable();
        var close = new MonthClose(commissions, commissions, result, sink.Lines.ToImmutable());
        close.CheckRunAgreesWithExplanations();
        return close;
    }

    // Last month's ranks, re-mapped onto this month's (larger) snapshot; members who joined since hold none.
    private MemberRanks? Carried(NetworkSnapshot network)
    {
        if (_previousRanks is not { } previous)
        {
            return null;
        }

        var held = new List<KeyValuePair<MemberId, string>>();
        for (var i = 0; i < previous.Network.Count; i++)
        {
            if (previous.RankAt(i) is { } rank)
            {
                held.Add(KeyValuePair.Create(previous.Network.MemberAt(i), rank.Code));
            }
        }

        return MemberRanks.Create(network, previous.Ladder, held);
    }

    private sealed class RunLines : ICommissionRunSink
    {
        public ImmutableArray<CommissionRunLine>.Builder Lines { get; } = ImmutableArray.CreateBuilder<CommissionRunLine>();

        public void Write(ReadOnlySpan<CommissionRunLine> lines) => Lines.AddRange(lines);
    }
}
