using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Run;

public class OrderTimeAttributionTests
{
    private static readonly DateTimeOffset PeriodStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(PeriodStart);
    private readonly CommissionPlan _plan = new CommissionPlanBuilder("levels").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Build();

    private static DateTimeOffset Day(int day) => PeriodStart.AddDays(day - 1);

    private static (long Beneficiary, string Rule, long Amount)[] Ledger(CommissionRunResult result, CollectingSink sink, int order) =>
        [.. sink.Lines.Where(l => l.Order == order).Select(l => (result.Ranks.Network.MemberAt(l.Beneficiary).Value, result.Plan.RuleId(l.Kind, l.Ordinal), l.Amount))];

    private static (long Beneficiary, string Rule, long Amount)[] Ledger(OrderCommission commission) =>
        [.. commission.Lines.Select(l => (l.Beneficiary.Value, l.Rule, l.Amount.MinorUnits))];

    [Fact]
    public void An_order_paid_before_its_buyer_was_bound_pays_nobody_as_at_checkout_not_the_sponsor_bound_later()
    {
        // S (2) sponsors nobody yet; X (4) registers without a sponsor, pays ¥1,000 on day 3, and is bound to S on day 10.
        var network = new ReferralNetwork(new ReferralOptions(), _clock);
        network.Register(1);
        network.Register(2, 1);
        network.Register(4);
        _clock.SetUtcNow(Day(3));
        var order = new CommissionableOrder("x-001", 4, Money.Cny(1000m)) { PaidAt = _clock.GetUtcNow() };
        var atCheckout = new CommissionCalculator(_plan).Calculate(order, network.Snapshot());
        _clock.SetUtcNow(Day(10));
        network.Bind(4, 2);
        var sink = new CollectingSink();

        var result = new CommissionRun(_plan).Execute(EarnerRoster.AllActive(network.Snapshot()), [order], sponsorChanges: network.SponsorChangesSince(PeriodStart), sink: sink);

        // On the period-end network S would earn ¥100 and its sponsor 1 ¥50; at checkout X had no upline.
        Assert.Empty(atCheckout.Lines);
        Assert.Empty(sink.Lines);
        Assert.Equal(Money.Zero(Currency.CNY), result.TotalPaid);
    }

    [Fact]
    public void An_order_paid_before_a_reassignment_pays_the_upline_of_the_time_and_a_later_order_the_new_one()
    {
        // A (1) and B (2) under C (3); X (4) under A pays ¥1,000 on day 3, is reassigned to B on day 10 and pays ¥2,000 on day 12.
        var network = new ReferralNetwork(new ReferralOptions(), _clock);
        network.Register(3);
        network.Register(1);
        network.Register(2, 3);
        network.Register(4, 1);
        var calculator = new CommissionCalculator(_plan);
        _clock.SetUtcNow(Day(3));
        var before = new CommissionableOrder("x-001", 4, Money.Cny(1000m)) { PaidAt = _clock.GetUtcNow() };
        var beforeAtCheckout = calculator.Calculate(before, network.Snapshot());
        _clock.SetUtcNow(Day(10));
        network.Reassign(4, 2, "joined B's team");
        _clock.SetUtcNow(Day(12));
        var after = new CommissionableOrder("x-002", 4, Money.Cny(2000m)) { PaidAt = _clock.GetUtcNow() };
        var afterAtCheckout = calculator.Calculate(after, network.Snapshot());
        var unknownTime = new CommissionableOrder("x-003", 4, Money.Cny(100m));
        var sink = new CollectingSink();

        var result = new CommissionRun(_plan).Execute(EarnerRoster.AllActive(network.Snapshot()), [after, unknownTime, before], sponsorChanges: network.SponsorChangesSince(PeriodStart), sink: sink);

        Assert.Equal([(1L, "levels/level-1", 10_000L)], Ledger(result, sink, 0));
        Assert.Equal(Ledger(beforeAtCheckout), Ledger(result, sink, 0));
        Assert.Equal([(2L, "levels/level-1", 20_000L), (3L, "levels/level-2", 10_000L)], Ledger(result, sink, 1));
        Assert.Equal(Ledger(afterAtCheckout), Ledger(result, sink, 1));
        Assert.Equal([(2L, "levels/level-1", 1_000L), (3L, "levels/level-2", 500L)], Ledger(result, sink, 2)); // no time: the period-end network
        Assert.Equal((Money.Cny(100m), Money.Cny(210m)), (result.EarnedBy(1, CommissionRuleKind.Level), result.EarnedBy(2, CommissionRuleKind.Level)));
    }
}
