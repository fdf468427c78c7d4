using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Demo.Tests;

/// <summary>The month end of the built-in team plan: ranks qualified each month, every order paid by the run straight into the ledger, explained by the calculator on demand.</summary>
public class MonthEndTests
{
    private static readonly DateTimeOffset ClosedAt = new(2026, 1, 31, 16, 0, 0, TimeSpan.Zero);
    private readonly CommissionLedger _ledger = new(CommissionSetup.Default().Ledger, new DemoClock(ClosedAt));

    // 1 ── 2 ── 3 ── 4, and 5, 6 also referred by 1.
    private static readonly NetworkSnapshot January = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 1), new(6, 1)]);

    private static readonly CommissionableOrder[] JanuaryOrders =
    [
        new("o-1", 4, Money.Cny(3600m)) { ProductId = "vip", Kind = "membership" },
        new("o-2", 5, Money.Cny(3600m)) { ProductId = "vip", Kind = "membership" },
        new("o-3", 6, Money.Cny(3600m)) { ProductId = "vip", Kind = "membership" },
        new("o-4", 3, Money.Cny(9.9m)) { ProductId = "trial-class" },
    ];

    [Fact]
    public void Ranks_are_qualified_from_the_months_volumes_and_the_sale_pays_levels_differential_and_peer()
    {
        var close = new MonthEnd(CommissionSetup.Default()).Close(JanuaryOrders, January, _ledger, ClosedAt);

        // Team volumes: 4, 3 and 2 ¥3,600 with one direct referral each above 4 (promoter, 推广员); 1 ¥10,800 with three (monitor, 班长).
        var ranks = close.Run.Ranks;
        Assert.Equal(["monitor", "promoter", "promoter", null, null, null], Enumerable.Range(1, 6).Select(m => ranks.RankOf(m)?.Code));

        // Member 4's ¥3,600: levels 3 ¥360, 2 ¥180, 1 ¥108; differential 3 ¥180 (5%), peer 2 ¥72 (2%, same rank as 3), differential 1 ¥180 (10% − 5%).
        (string, long, decimal)[] paid = [("team/level-1", 3L, 360m), ("team/level-2", 2L, 180m), ("team/level-3", 1L, 108m), ("team/differential", 3L, 180m), ("team/peer-1", 2L, 72m), ("team/differential", 1L, 180m)];
        Assert.Equal(paid.Order(), Accrued(close, "o-1").Select(a => (a.Key.Rule, a.Key.Beneficiary.Value, a.Amount.Amount)).Order());
        var sale = close.Explain(JanuaryOrders[0]);
        Assert.Equal(paid, sale.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount)));
        Assert.Equal(Money.Cny(2520m), sale.CompanyRetained);
        Assert.Equal(CommissionRuleKind.Peer, sale.Lines[4].Kind);
        Assert.Equal(new MemberId(3), sale.Lines[4].PeerOf);
    }

    [Fact]
    public void Every_order_is_accrued_from_the_run_exactly_as_the_per_order_calculator_pays_it()
    {
        var setup = CommissionSetup.Default();
        var close = new MonthEnd(setup).Close(JanuaryOrders, January, _ledger, ClosedAt);
        var calculator = new CommissionCalculator(setup.Plan);

        Assert.Empty(Accrued(close, "o-4"));   // the combined plan excludes the trial class: no lines, no volume, and it says why
        Assert.Equal("Product 'trial-class' earns no commission under plan 'team'.", close.Explain(JanuaryOrders[3]).Exclusion);
        foreach (var order in JanuaryOrders)
        {
            var expected = calculator.Calculate(order, close.Run.Ranks);
            Assert.Equal(expected.Lines.Select(Shape), close.Explain(order).Lines.Select(Shape));
            Assert.Equal(
                expected.Lines.Where(l => l.Amount.IsPositive).Select(l => $"{l.Key} {l.Level} {l.Amount}").Order(StringComparer.Ordinal),
                Accrued(close, order.OrderLineId).Select(a => $"{a.Key} {a.Level} {a.Amount}").Order(StringComparer.Ordinal));
            Assert.All(Accrued(close, order.OrderLineId), a => Assert.Equal(ClosedAt + setup.Ledger.FreezePeriod, a.AvailableAt));
        }

        Assert.Equal(close.Run.TotalPaid, Money.Sum(close.Events.OfType<CommissionAccrued>().Select(a => a.Amount), Currency.CNY));
        Assert.Equal(close.Run.LineCount, close.LinesByKind.Sum());
        Assert.Equal(close.Run.TotalPaid, Money.Sum(new long[] { 1, 2, 3 }.Select(m => _ledger.BalanceOf(m).Pending), Currency.CNY));
        Assert.Empty(new MonthEnd(setup).Close(JanuaryOrders, January, _ledger, ClosedAt).Events); // the same month again pays nothing twice
    }

    [Fact]
    public void An_order_accrues_from_the_moment_it_was_paid()
    {
        var paidAt = new DateTimeOffset(2026, 1, 12, 3, 0, 0, TimeSpan.Zero);
        var close = new MonthEnd(CommissionSetup.Default()).Close([JanuaryOrders[0] with { PaidAt = paidAt }], January, _ledger, ClosedAt);

        Assert.All(Accrued(close, "o-1"), a => Assert.Equal(paidAt.AddDays(7), a.AvailableAt));
    }

    private static IEnumerable<CommissionAccrued> Accrued(MonthClose close, string orderLine) =>
        close.Events.OfType<CommissionAccrued>().Where(a => a.Key.OrderLineId == orderLine);

    // Every field of a line, the arrays by content (record equality compares them by reference).
    private static string Shape(CommissionLine l) =>
        $"{l.OrderLineId} {l.Rule} {l.Kind} {l.Ordinal} {l.Beneficiary} {l.Rank?.Code} {l.Reward} {l.Basis} {l.Amount} {l.UncappedAmount} {l.Capped} [{string.Join(",", l.CompressedPast)}] {l.PeerOf}";

    [Fact]
    public void Next_month_the_highest_rank_reached_is_kept_on_the_grown_network()
    {
        var monthEnd = new MonthEnd(CommissionSetup.Default());
        monthEnd.Close(JanuaryOrders, January, _ledger, ClosedAt);
        var february = NetworkSnapshot.Create([.. January.ToLinks(), new(7, 6)]);

        var close = monthEnd.Close([new CommissionableOrder("o-5", 7, Money.Cny(99m))], february, _ledger, ClosedAt.AddMonths(1));

        Assert.Equal("monitor", close.Run.Ranks.RankOf(1)?.Code);
        var explanation = close.Run.ExplainRank(1);
        Assert.True(explanation.KeptFromPrevious);
        Assert.Null(explanation.Qualified);   // ¥99 of team volume this month qualifies for nothing
        Assert.Null(close.Run.Ranks.RankOf(7));
    }

    [Fact]
    public void A_refund_recorded_in_the_month_takes_volume_back_before_ranks_are_qualified()
    {
        // Without the refund member 1's team volume is ¥10,800 (monitor); refunding ¥3,600 of it leaves ¥7,200: promoter.
        var close = new MonthEnd(CommissionSetup.Default()).Close(JanuaryOrders, January, _ledger, ClosedAt, [VolumeEntry.Refund(6, Money.Cny(3600m))]);

        Assert.Equal("promoter", close.Run.Ranks.RankOf(1)?.Code);
        Assert.Equal(Money.Cny(0m), close.Run.Volumes!.PersonalOf(6));
    }

    [Fact]
    public void A_levels_only_plan_is_paid_by_the_same_run_with_level_lines_only()
    {
        var team = CommissionSetup.Default();
        var levels = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).ExcludeProducts("trial-class").Build();
        var close = new MonthEnd(new CommissionSetup(levels, team.Ledger, team.Linter, "levels only")).Close(JanuaryOrders, January, _ledger, ClosedAt);

        Assert.Equal(close.Run.TotalPaid, close.Run.TotalPaidFor(CommissionRuleKind.Level));
        Assert.Equal(["team/level-1", "team/level-2", "team/level-3"], Accrued(close, "o-1").Select(a => a.Key.Rule).Order());
    }
}
