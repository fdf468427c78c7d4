using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Generators;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>
/// A month-end run streamed into the ledger, on the six-member network 1 ─┬─ 2 ─┬─ 4, 2 ── 5, 1 ── 3 ── 6 with levels 10% / 5%,
/// ranks R1 5% / R2 10% / R3 15% given (member 2 holds R2, member 1 R3), and no peer bonus.
/// </summary>
public class CommissionRunAccrualTests
{
    private static readonly DateTimeOffset MonthEnd = new(2026, 3, 31, 16, 0, 0, TimeSpan.Zero);
    private static readonly CommissionPlan Plan = Team();
    private static readonly EarnerRoster Earners = EarnerRoster.AllActive(TeamFixtures.SixMembers);
    private readonly FakeTimeProvider _clock = new(MonthEnd);

    private static CommissionPlan Team()
    {
        var builder = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).RetainRanks(RankRetention.KeepHighestReached);
        foreach (var rank in TeamFixtures.ThreeRanks().Ranks)
        {
            builder.Rank(rank.Code, rank.DifferentialRate, r => r.MinPersonalVolume = Money.Cny(1_000_000m));
        }

        return builder.Build();
    }

    private static MemberRanks Ranks(params (long Member, string Rank)[] held) =>
        MemberRanks.Create(TeamFixtures.SixMembers, Plan.Ladder, held.Select(h => KeyValuePair.Create(new MemberId(h.Member), h.Rank)));

    private static CommissionableOrder[] Orders() =>
    [
        new("o-2", 5, Money.Cny(1000m)) { PaidAt = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero) },
        new("o-1", 4, Money.Cny(2000m)),
        new("o-3", 6, Money.Cny(500m)),
    ];

    [Fact]
    public void A_run_accrues_straight_into_the_ledger_each_order_from_its_own_paid_time_and_the_same_run_again_accrues_nothing()
    {
        var ledger = new CommissionLedger(new LedgerOptions(), _clock);
        var stored = new List<IDomainEvent>();
        var accrual = ledger.AccrueRun(MonthEnd, events => stored.AddRange(events));
        var run = new CommissionRun(Plan);

        var result = run.Execute(Earners, Orders(), previousRanks: Ranks((1, "R3"), (2, "R2")), sink: accrual);

        // o-2 (buyer 5, ¥1,000): 2 earns level 1 ¥100 and the differential up to R2, 10% = ¥100; 1 earns level 2 ¥50 and R3 over R2, 5% = ¥50.
        var member2 = ledger.EntriesOf(2);
        Assert.Equal(["o-1/2/team/level-1", "o-1/2/team/differential", "o-2/2/team/level-1", "o-2/2/team/differential"], member2.Select(e => e.Key.ToString()));
        Assert.Equal([Money.Cny(200m), Money.Cny(200m), Money.Cny(100m), Money.Cny(100m)], member2.Select(e => e.Amount));
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 2, 0, 0, TimeSpan.Zero), member2[2].AvailableAt); // o-2 was paid on the 10th
        Assert.Equal(MonthEnd.AddDays(7), member2[0].AvailableAt);
        Assert.Equal(Money.Cny(200m), ledger.BalanceOf(2).Available); // o-2's freeze ended on the 17th
        Assert.Equal(result.EarnedBy(2), ledger.BalanceOf(2).NetEarned);
        Assert.Equal(result.EarnedBy(1), ledger.BalanceOf(1).NetEarned);
        Assert.Equal(3, accrual.OrdersAccrued);
        Assert.Empty(accrual.Events); // they went to the store
        Assert.Equal(result.LineCount, stored.Count);

        var again = ledger.AccrueRun(MonthEnd);
        run.Execute(Earners, Orders(), previousRanks: Ranks((1, "R3"), (2, "R2")), sink: again);
        Assert.Empty(again.Events);
        Assert.Equal(result.EarnedBy(2), ledger.BalanceOf(2).NetEarned);
    }

    [Fact]
    public void Re_accruing_a_month_after_ranks_changed_is_refused_and_the_first_accrual_stands()
    {
        var ledger = new CommissionLedger(new LedgerOptions(), _clock);
        var order = Orders()[1]; // o-1: buyer 4 under 2 under 1
        var calculator = new CommissionCalculator(Plan);
        ledger.Accrue(calculator.Calculate(order, Ranks((2, "R1"))), MonthEnd);
        var before = (ledger.BalanceOf(1), ledger.BalanceOf(2));

        var calculated = Assert.Throws<CommissionException>(() => ledger.Accrue(calculator.Calculate(order, Ranks((2, "R2"))), MonthEnd));
        var streamed = Assert.Throws<CommissionException>(() => new CommissionRun(Plan).PayBatch(Ranks((2, "R2")), new OrderBatch(new[] { 3 }, new[] { 200_000L }), Earners, ledger.AccrueRun(MonthEnd)));
        var run = Assert.Throws<CommissionException>(() => new CommissionRun(Plan).Execute(Earners, [order], previousRanks: Ranks((1, "R3"), (2, "R2")), sink: ledger.AccrueRun(MonthEnd)));

        Assert.Equal(CommissionErrorCodes.OrderLineAccrued, calculated.ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, streamed.ErrorCode); // a batch has no order line ids to accrue by
        Assert.Equal(CommissionErrorCodes.OrderLineAccrued, run.ErrorCode);
        Assert.Contains("'o-1'", run.Message, StringComparison.Ordinal);
        Assert.Equal(before, (ledger.BalanceOf(1), ledger.BalanceOf(2)));
    }

    [Fact]
    public void The_runs_context_resolves_a_compact_line_into_the_calculators_line()
    {
        var sink = new ContextSink();
        var ranks = Ranks((1, "R3"), (2, "R2"));
        new CommissionRun(Plan).Execute(Earners, Orders(), previousRanks: ranks, sink: sink);
        var context = sink.Context!;

        var resolved = sink.Lines.Select(l => context.Resolve(l)).Where(l => l.OrderLineId == "o-2").ToArray();
        var calculated = new CommissionCalculator(Plan).Calculate(Orders()[0], context.Ranks).Lines;

        Assert.Equal(
            calculated.Select(l => (l.OrderLineId, l.Rule, l.Kind, l.Ordinal, l.Beneficiary, l.Rank, l.Amount, l.UncappedAmount, l.Capped, l.Key)),
            resolved.Select(l => (l.OrderLineId, l.Rule, l.Kind, l.Ordinal, l.Beneficiary, l.Rank, l.Amount, l.UncappedAmount, l.Capped, l.Key)));
        Assert.Equal(calculated[0].Reward, resolved[0].Reward); // a level line names the level's reward
        Assert.Equal(Rate.FromPercent(10), resolved.First(l => l.Kind == CommissionRuleKind.Differential).Reward.Rate); // a differential its effective rate on the base
        Assert.Equal("o-2", context.OrderAt(sink.Lines.First(l => context.OrderLineIdAt(l.Order) == "o-2").Order)!.OrderLineId);
        Assert.True(context.HasOrders);
    }

    private sealed class ContextSink : ICommissionRunSink
    {
        public CommissionRunContext? Context { get; private set; }

        public List<CommissionRunLine> Lines { get; } = [];

        public void Begin(CommissionRunContext context) => Context = context;

        public void Write(ReadOnlySpan<CommissionRunLine> lines) => Lines.AddRange(lines);
    }
}
