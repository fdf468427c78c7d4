using CommunityModel.Tests.Telemetry;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Telemetry;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Telemetry;

[Collection(nameof(TelemetryCollection))]
public class CommissionsTelemetryTests
{
    // The line 1 ── 2 ── 3 ── 4 ── 5 on a 10% / 5% plan: an order of member 5 pays 4 and 3, one of member 2 pays 1.
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]);

    private static CommissionPlan Plan(string name) => new CommissionPlanBuilder(name).Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Build();

    [Fact]
    public void A_month_end_run_reports_its_phases_orders_lines_and_throughput()
    {
        using var recorder = new TelemetryRecorder(CommissionsTelemetry.Name);
        var progress = new List<CommissionRunPhase>();
        var run = new CommissionRun(Plan("observed-run"));
        CommissionableOrder[] orders = [new("o-1", 5, Money.Cny(1000m)), new("o-2", 5, Money.Cny(2000m)), new("o-3", 2, Money.Cny(500m))];

        var result = run.Execute(EarnerRoster.AllActive(Chain), orders, progress: new Progress(progress));

        var plan = ("communitymodel.commissions.plan", "observed-run");
        var execute = ("communitymodel.commissions.run.operation", "Execute");
        Assert.Equal((3, 5), (result.OrderCount, result.LineCount));
        Assert.Equal(3, recorder.Sum("communitymodel.commissions.run.orders", plan, execute));
        Assert.Equal(5, recorder.Sum("communitymodel.commissions.run.lines", plan, execute));
        Assert.Single(recorder.Of("communitymodel.commissions.run.throughput", plan), m => m.Unit == "{order}/s" && m.Value > 0);
        Assert.Single(recorder.Of("communitymodel.commissions.run.duration", plan), m => m.Unit == "s" && !m.Tags.ContainsKey("error.type"));
        Assert.Equal(["preparing", "qualifying_ranks", "paying_orders"], recorder.Of("communitymodel.commissions.run.phase.duration", execute).Select(m => m.Tags["communitymodel.commissions.run.phase"]).Order(new PhaseOrder()));

        // The caller's own progress still sees every report.
        Assert.Equal(CommissionRunPhase.QualifyingRanks, progress[0]);
        Assert.Equal(CommissionRunPhase.Completed, progress[^1]);

        var activity = Assert.Single(recorder.Activities, a => a.OperationName == "CommissionRun.Execute");
        Assert.Equal("observed-run", activity.GetTagItem("communitymodel.commissions.plan"));
        Assert.Equal(5L, activity.GetTagItem("communitymodel.commissions.run.lines"));
        var phases = recorder.Activities.Where(a => a.OperationName == "CommissionRun.Phase" && a.ParentSpanId == activity.SpanId).OrderBy(a => a.StartTimeUtc).ToList();
        Assert.Equal(["preparing", "qualifying_ranks", "paying_orders"], phases.Select(p => (string)p.GetTagItem("communitymodel.commissions.run.phase")!));
        Assert.All(phases, p => Assert.InRange(p.StartTimeUtc, activity.StartTimeUtc, activity.StartTimeUtc + activity.Duration));
    }

    [Fact]
    public void A_run_that_fails_records_its_duration_with_an_error_type_and_an_error_status()
    {
        using var recorder = new TelemetryRecorder(CommissionsTelemetry.Name);
        var run = new CommissionRun(Plan("failing-run"));

        Assert.Throws<CommissionException>(() => run.Execute(EarnerRoster.AllActive(Chain), [new("o-1", 5, Money.Cny(10m)), new("o-1", 4, Money.Cny(10m))]));

        Assert.Single(recorder.Of("communitymodel.commissions.run.duration", ("communitymodel.commissions.plan", "failing-run"), ("error.type", "exception")));
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, Assert.Single(recorder.Activities, a => a.OperationName == "CommissionRun.Execute").Status);
        Assert.Empty(recorder.Of("communitymodel.commissions.run.orders", ("communitymodel.commissions.plan", "failing-run")));
    }

    [Fact]
    public void Ledger_accruals_reversals_withdrawals_and_refusals_are_counted_and_a_replay_is_not()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var ledger = new CommissionLedger(new LedgerOptions { FreezePeriod = TimeSpan.Zero, MinimumWithdrawal = Money.Cny(10m) }, clock);
        var calculator = new CommissionCalculator(Plan("ledger"));
        var events = new List<IDomainEvent>();
        using var recorder = new TelemetryRecorder(CommissionsTelemetry.Name);

        events.AddRange(ledger.Accrue(calculator.Calculate(new CommissionableOrder("o-1", 5, Money.Cny(1000m)), Chain), clock.GetUtcNow()));  // 4: ¥100, 3: ¥50
        events.AddRange(ledger.Refund("o-1", "r-1", Money.Cny(500m)).Events);                                                                  // half back: ¥50, ¥25
        var tooMuch = ledger.TryRequestWithdrawal("w-1", 4, Money.Cny(1000m));
        var tooLittle = ledger.TryRequestWithdrawal("w-2", 4, Money.Cny(5m));
        events.Add(ledger.RequestWithdrawal("w-3", 4, Money.Cny(20m))!);
        events.Add(ledger.MarkWithdrawalPaid("w-3"));

        Assert.False(tooMuch.Succeeded || tooLittle.Succeeded);
        Assert.Equal(2, recorder.Sum("communitymodel.commissions.ledger.accruals"));
        Assert.Equal(2, recorder.Sum("communitymodel.commissions.ledger.reversals"));
        Assert.Equal(15_000, recorder.Sum("communitymodel.commissions.ledger.amount", ("communitymodel.commissions.ledger.movement", "accrued"), ("currency", "CNY")));
        Assert.Equal(7_500, recorder.Sum("communitymodel.commissions.ledger.amount", ("communitymodel.commissions.ledger.movement", "reversed")));
        Assert.Equal(1, recorder.Sum("communitymodel.commissions.ledger.withdrawals", ("communitymodel.commissions.withdrawal.outcome", "requested")));
        Assert.Equal(1, recorder.Sum("communitymodel.commissions.ledger.withdrawals", ("communitymodel.commissions.withdrawal.outcome", "paid")));
        var refusals = recorder.Of("communitymodel.commissions.ledger.refusals").Select(m => m.Tags["error.type"]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(tooMuch.Refusals.Concat(tooLittle.Refusals).Select(r => r.Code).Order(StringComparer.Ordinal).ToArray(), refusals);
        Assert.NotEmpty(refusals);

        recorder.Measurements.Clear();
        var replayed = CommissionLedger.Replay(events, new LedgerOptions { FreezePeriod = TimeSpan.Zero, MinimumWithdrawal = Money.Cny(10m) }, clock);

        Assert.Equal(ledger.BalanceOf(4), replayed.BalanceOf(4));
        Assert.Equal(events.Count, recorder.Sum("communitymodel.replay.events", ("communitymodel.replay.model", "commission_ledger")));
        Assert.Empty(recorder.Of("communitymodel.commissions.ledger.accruals"));
        Assert.Single(recorder.Activities, a => a.OperationName == "CommissionLedger.Replay");
    }

    private sealed class Progress(List<CommissionRunPhase> phases) : IProgress<CommissionRunProgress>
    {
        public void Report(CommissionRunProgress value) => phases.Add(value.Phase);
    }

    private sealed class PhaseOrder : IComparer<string>
    {
        private static readonly string[] Phases = ["preparing", "qualifying_ranks", "paying_orders"];

        public int Compare(string? x, string? y) => Array.IndexOf(Phases, x).CompareTo(Array.IndexOf(Phases, y));
    }
}
