using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Rules;

public class SelfPurchaseTests
{
    // 1 ── 2 ── 3 ── 4 (buyer).
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3)]);

    private static CommissionPlanBuilder TenFiveThree() =>
        new CommissionPlanBuilder("shop").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3));

    private static (long Member, decimal Amount, int Level)[] Lines(OrderCommission result) =>
        [.. result.Lines.Select(l => (l.Beneficiary.Value, l.Amount.Amount, l.Level))];

    [Fact]
    public void With_self_purchase_the_buyer_takes_level_one_on_its_own_order_and_its_uplines_move_down_a_level()
    {
        var order = new CommissionableOrder("o-1", 4, Money.Cny(1000m));

        var plain = new CommissionCalculator(TenFiveThree().Build()).Calculate(order, Chain);
        var self = new CommissionCalculator(TenFiveThree().PaySelfPurchase().Build()).Calculate(order, Chain);

        Assert.Equal([(3L, 100m, 1), (2L, 50m, 2), (1L, 30m, 3)], Lines(plain));
        Assert.Equal([(4L, 100m, 1), (3L, 50m, 2), (2L, 30m, 3)], Lines(self));   // 自购返佣: 自用省钱
    }

    [Fact]
    public void A_buyer_who_may_not_earn_pays_its_uplines_as_usual()
    {
        var plan = TenFiveThree().PaySelfPurchase().EarnersAre(EarnerEligibility.DesignatedPromoters).Build();
        var earners = EarnerRoster.Create(Chain, [.. new long[] { 1, 2, 3 }.Select(m => KeyValuePair.Create(new MemberId(m), EarnerStatus.Promoter))]);
        var promoter = EarnerRoster.Create(Chain, [.. new long[] { 1, 2, 3, 4 }.Select(m => KeyValuePair.Create(new MemberId(m), EarnerStatus.Promoter))]);
        var order = new CommissionableOrder("o-1", 4, Money.Cny(1000m));

        Assert.Equal([(3L, 100m, 1), (2L, 50m, 2), (1L, 30m, 3)], Lines(new CommissionCalculator(plan).Calculate(order, earners)));
        Assert.Equal([(4L, 100m, 1), (3L, 50m, 2), (2L, 30m, 3)], Lines(new CommissionCalculator(plan).Calculate(order, promoter)));
    }

    [Fact]
    public void The_buyers_own_rebate_is_an_own_sale_and_the_span_path_and_run_pay_it_alike()
    {
        var plan = TenFiveThree().PaySelfPurchase().Build();
        var calculator = new CommissionCalculator(plan);
        var order = new CommissionableOrder("o-1", 4, Money.Cny(1000m));
        var explained = calculator.Calculate(order, Chain);
        var compact = new CommissionRunLine[plan.MaxLinesPerOrder];
        var count = calculator.Calculate(plan.ScheduleFor(), Chain.IndexOf(4), 100_000, EarnerRoster.AllActive(Chain), compact);

        var summary = PayoutSummary.FromRun([explained], Currency.CNY);

        Assert.Equal(explained.Lines.Select(l => (Chain.IndexOf(l.Beneficiary), l.Amount.MinorUnits)), compact[..count].Select(l => (l.Beneficiary, l.Amount)));
        Assert.Equal(Money.Cny(1000m), summary.Earners.Single(e => e.Member == new MemberId(4)).OwnSales);
        Assert.Equal(Money.Cny(0m), summary.Earners.Single(e => e.Member == new MemberId(3)).OwnSales);
    }
}
