using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;

namespace CommunityModel.Demo.Tests;

/// <summary>
/// The month end of the built-in team plan: ranks qualified from the month's volumes, and only the differential and peer
/// lines entered, under each order's own month-end ledger line, beside the levels the community accrued online.
/// </summary>
public class MonthEndTests
{
    private static readonly DateTimeOffset ClosedAt = new(2026, 1, 31, 16, 0, 0, TimeSpan.Zero);
    private readonly CommissionLedger _ledger = new(CommissionSetup.Default().Ledger, new DemoClock(ClosedAt));

    // 1 ── 2 ── 3 ── 4, and 5, 6 also referred by 1.
    private static readonly NetworkSnapshot January = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 1), new(6, 1)]);

    private static readonly EarnerRoster JanuaryEarners = EarnerRoster.AllActive(January);

    private static readonly CommissionableOrder[] JanuaryOrders =
    [
        new("o-1", 4, Money.Cny(3600m)) { LadderTier = "vip" },
        new("o-2", 5, Money.Cny(3600m)) { LadderTier = "vip" },
        new("o-3", 6, Money.Cny(3600m)) { LadderTier = "vip" },
        new("o-4", 3, Money.Cny(9.9m)) { ProductId = "trial-class", LadderTier = "LeadMagnet" },
    ];

    [Fact]
    public void Ranks_are_qualified_from_the_months_volumes_and_only_the_differential_and_peer_lines_are_entered()
    {
        var close = new MonthEnd(CommissionSetup.Default()).Close(JanuaryOrders, JanuaryEarners, _ledger, ClosedAt);

        // Team volumes: 4, 3 and 2 ¥3,600 with one direct referral each above 4 (promoter, 推广员); 1 ¥10,800 with three (monitor, 班长).
        var ranks = close.Run.Ranks;
        Assert.Equal(["monitor", "promoter", "promoter", null, null, null], Enumerable.Range(1, 6).Select(m => ranks.RankOf(m)?.Code));

        // Member 4's ¥3,600: differential 3 ¥180 (5%), peer 2 ¥72 (2%, same rank as 3), differential 1 ¥180 (10% − 5%), on the order's month-end line.
        (string, long, decimal)[] paid = [("team/differential", 3L, 180m), ("team/peer-1", 2L, 72m), ("team/differential", 1L, 180m)];
        Assert.Equal(paid.Order(), Accrued(close, "o-1/ranks").Select(a => (a.Key.Rule, a.Key.Beneficiary.Value, a.Amount.Amount)).Order());
        Assert.Empty(Accrued(close, "o-1"));

        // The explanation holds every line: the levels (3 ¥360, 2 ¥180, 1 ¥108) the community accrued online, then these.
        var sale = close.Explain(JanuaryOrders[0]);
        Assert.Equal([("team/level-1", 3L, 360m), ("team/level-2", 2L, 180m), ("team/level-3", 1L, 108m), .. paid], sale.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount)));
        Assert.Equal(Money.Cny(2520m), sale.CompanyRetained);
        Assert.Equal(new MemberId(3), sale.Lines[4].PeerOf);
        Assert.Equal([0L, 4L, 1L], close.LinesByKind.Take(3));   // o-2 and o-3 pay member 1 its 10% differential too
        Assert.Equal(Money.Cny(0m), close.PaidByKind[(int)CommissionRuleKind.Level]);
    }

    [Fact]
    public void The_month_end_and_the_online_levels_together_pay_exactly_what_the_plan_pays_and_nothing_twice()
    {
        var setup = CommissionSetup.Default();
        var calculator = new CommissionCalculator(setup.Plan);
        // Online, with no ranks known: the level lines of each order, under its own id.
        foreach (var order in JanuaryOrders)
        {
            _ledger.Accrue(calculator.Calculate(order, JanuaryEarners), order.PaidAt ?? ClosedAt);
        }

        var close = new MonthEnd(setup).Close(JanuaryOrders, JanuaryEarners, _ledger, ClosedAt);

        Assert.Empty(Accrued(close, "o-4/ranks"));   // the plan excludes the trial class: no lines, no volume, and it says why
        Assert.Equal("Product 'trial-class' earns no commission under plan 'team'.", close.Explain(JanuaryOrders[3]).Exclusion);
        var everyLine = JanuaryOrders.Sum(o => calculator.Calculate(o, close.Run.Ranks).Lines.Sum(l => l.Amount.MinorUnits));
        var entered = new long[] { 1, 2, 3, 4, 5, 6 }.Sum(m => _ledger.BalanceOf(m).Pending.MinorUnits);
        Assert.Equal(everyLine, entered);
        Assert.Empty(new MonthEnd(setup).Close(JanuaryOrders, JanuaryEarners, _ledger, ClosedAt).Events); // the same month again pays nothing twice
    }

    [Fact]
    public void An_order_accrues_from_the_moment_it_was_paid()
    {
        var paidAt = new DateTimeOffset(2026, 1, 12, 3, 0, 0, TimeSpan.Zero);
        var close = new MonthEnd(CommissionSetup.Default()).Close([JanuaryOrders[0] with { PaidAt = paidAt }], JanuaryEarners, _ledger, ClosedAt);

        Assert.NotEmpty(Accrued(close, "o-1/ranks"));
        Assert.All(Accrued(close, "o-1/ranks"), a => Assert.Equal(paidAt.AddDays(7), a.AvailableAt));
    }

    [Fact]
    public void Next_month_the_highest_rank_reached_is_kept_on_the_grown_network()
    {
        var monthEnd = new MonthEnd(CommissionSetup.Default());
        monthEnd.Close(JanuaryOrders, JanuaryEarners, _ledger, ClosedAt);
        var february = NetworkSnapshot.Create([.. January.ToLinks(), new(7, 6)]);

        var close = monthEnd.Close([new CommissionableOrder("o-5", 7, Money.Cny(99m))], EarnerRoster.AllActive(february), _ledger, ClosedAt.AddMonths(1));

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
        var close = new MonthEnd(CommissionSetup.Default()).Close(JanuaryOrders, JanuaryEarners, _ledger, ClosedAt, [VolumeEntry.Refund(6, Money.Cny(3600m))]);

        Assert.Equal("promoter", close.Run.Ranks.RankOf(1)?.Code);
        Assert.Equal(Money.Cny(0m), close.Run.Volumes!.PersonalOf(6));
    }

    [Fact]
    public void Only_a_plan_with_ranks_pays_at_the_month_end()
    {
        var levels = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).ExcludeProducts("trial-class").Build();

        Assert.True(MonthEnd.PaysRanks(CommissionSetup.Default().Plan));
        Assert.False(MonthEnd.PaysRanks(levels));
        Assert.Equal("order-000001/ranks", MonthEnd.RankLine("order-000001"));
    }

    [Fact]
    public void A_play_sale_excluded_by_kind_and_a_care_team_role_line_come_out_of_the_month_end_as_they_came_out_online()
    {
        var plan = new CommissionPlanBuilder("pipeline")
            .Level(Rate.FromPercent(10))
            .Rank("promoter", Rate.FromPercent(5), r => { r.MinDirectReferrals = 1; r.MinTeamVolume = Money.Cny(1_000m); })
            .Role("coach", Rate.FromPercent(3))
            .ExcludeOrderKinds("GroupBuy")
            .Build();
        var roles = CommunityRoleMap.Create([KeyValuePair.Create(Roles.OrderRoles.Trainer, "coach")], plan);
        var setup = new CommissionSetup(plan, CommissionSetup.Default().Ledger, new Commissions.Compliance.ComplianceLinter(), "test") { Roles = roles };
        var paidAt = ClosedAt.AddDays(-20);
        var cared = new CommunityOrder("o-care", 4, OrderKind.MembershipPurchase, "vip", "vip", Money.Cny(3600m), Money.Cny(0m), paidAt)
        {
            Roles = Roles.OrderRoles.None.Add(Roles.OrderRoles.Trainer, 6),
        };
        var groupBuy = new CommunityOrder("o-gb", 5, OrderKind.Product, "course", "Entry", Money.Cny(990m), Money.Cny(0m), paidAt) { Play = "gb-1", PlayKind = Campaigns.PlayKind.GroupBuy };
        var calculator = new CommissionCalculator(plan);

        // Online: the community's commissions accrue every line it can know without ranks, the trainer's 3% among them.
        var online = new[] { cared, groupBuy }.Select(o => calculator.Calculate(roles.CommissionableOrderOf(o), JanuaryEarners)).ToList();
        foreach (var commission in online)
        {
            _ledger.Accrue(commission, paidAt);
        }

        var close = new MonthEnd(setup).Close([.. new[] { cared, groupBuy }.Select(roles.CommissionableOrderOf)], JanuaryEarners, _ledger, ClosedAt);

        var onlineRole = Assert.Single(online[0].Lines, l => l.Kind == CommissionRuleKind.Role);
        Assert.Equal((new MemberId(6), Money.Cny(108m)), (onlineRole.Beneficiary, onlineRole.Amount));
        var monthEndRole = Assert.Single(close.Explain(roles.CommissionableOrderOf(cared)).Lines, l => l.Kind == CommissionRuleKind.Role);
        Assert.Equal((onlineRole.Beneficiary, onlineRole.Amount), (monthEndRole.Beneficiary, monthEndRole.Amount));
        Assert.Equal([(3L, 180m)], Accrued(close, "o-care/ranks").Select(a => (a.Key.Beneficiary.Value, a.Amount.Amount)));  // only the differential: the role line was paid online
        Assert.Equal(Money.Cny(108m), _ledger.BalanceOf(6).NetEarned);                                                        // once

        Assert.NotNull(online[1].Exclusion);
        Assert.Equal(online[1].Exclusion, close.Explain(roles.CommissionableOrderOf(groupBuy)).Exclusion);                  // the group buy's kind is excluded at the month end too
        Assert.Empty(Accrued(close, "o-gb/ranks"));
        Assert.Equal(Money.Cny(0m), close.Run.Volumes!.PersonalOf(5));
    }

    private static IEnumerable<CommissionAccrued> Accrued(MonthClose close, string orderLine) =>
        close.Events.OfType<CommissionAccrued>().Where(a => a.Key.OrderLineId == orderLine);
}
