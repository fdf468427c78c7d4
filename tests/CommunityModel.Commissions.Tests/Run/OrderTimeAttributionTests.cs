using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
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

    /// <summary>A network registering members in the order given, each with its sponsor (0 for none).</summary>
    private ReferralNetwork Network(params (long Member, long Sponsor)[] members)
    {
        var network = new ReferralNetwork(new ReferralOptions(), _clock);
        foreach (var (member, sponsor) in members)
        {
            network.Register(member, sponsor == 0 ? default : new MemberId(sponsor));
        }

        return network;
    }

    private static (long Beneficiary, string Rule, long Amount)[] Ledger(CommissionRunResult result, CollectingSink sink, int order) =>
        [.. sink.Lines.Where(l => l.Order == order).Select(l => (result.Ranks.Network.MemberAt(l.Beneficiary).Value, result.Plan.RuleId(l.Kind, l.Ordinal), l.Amount))];

    private static (long Beneficiary, string Rule, long Amount)[] Ledger(OrderCommission commission) =>
        [.. commission.Lines.Select(l => (l.Beneficiary.Value, l.Rule, l.Amount.MinorUnits))];

    [Fact]
    public void An_order_paid_before_its_buyer_was_bound_pays_nobody_as_at_checkout_not_the_sponsor_bound_later()
    {
        // S (2) sponsors nobody yet; X (4) registers without a sponsor, pays ¥1,000 on day 3, and is bound to S on day 10.
        var network = Network((1, 0), (2, 1), (4, 0));
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
        var network = Network((3, 0), (1, 0), (2, 3), (4, 1));
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

    [Fact]
    public void A_batch_with_payment_times_pays_the_same_lines_as_the_whole_run()
    {
        var network = Network((1, 0), (2, 0), (4, 1));
        _clock.SetUtcNow(Day(5));
        network.Reassign(4, 2, "joined B's team");
        var end = network.Snapshot();
        var changes = network.SponsorChangesSince(PeriodStart);
        var run = new CommissionRun(_plan);
        var batch = new OrderBatch(new[] { end.IndexOf(4), end.IndexOf(4) }, new[] { 100_000L, 100_000L }).WithPaidAt(changes, [Day(4), Day(5)]);
        var sink = new CollectingSink();

        var result = run.PayBatch(MemberRanks.None(end, _plan.Ladder), batch, sink: sink);

        Assert.Same(changes, batch.SponsorChanges);
        Assert.Equal([(1L, "levels/level-1", 10_000L)], Ledger(result, sink, 0));
        Assert.Equal([(2L, "levels/level-1", 10_000L)], Ledger(result, sink, 1)); // a change applies from its own instant
    }

    [Fact]
    public void An_order_paid_before_the_changes_start_is_refused_naming_it()
    {
        var network = Network((1, 0));
        var order = new CommissionableOrder("x-001", 1, Money.Cny(10m)) { PaidAt = Day(1).AddTicks(-1) };

        var error = Assert.Throws<CommissionException>(() => new CommissionRun(_plan).Execute(EarnerRoster.AllActive(network.Snapshot()), [order], sponsorChanges: network.SponsorChangesSince(Day(1))));
        var batch = Assert.Throws<CommissionException>(() => new OrderBatch(new[] { 0 }, new[] { 1L }).WithPaidAt(SponsorHistory.Empty, []));

        Assert.Equal(CommissionErrorCodes.PaidBeforeHistory, error.ErrorCode);
        Assert.Contains("Order line 'x-001' was paid at 2026-02-28T23:59:59.9999999+00:00, before the start", error.Message, StringComparison.Ordinal);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, batch.ErrorCode);
    }

    [Theory]
    [InlineData(0, "names member 9, who is not in the run's network")]
    [InlineData(1, "member 2's last change leaves it with sponsor none, but the run's network gives it 1")]
    [InlineData(2, "member 1 is in its own upline after the change of member 1 at 2026-03-02")]
    public void Sponsor_changes_that_do_not_end_at_the_runs_network_are_refused_before_anything_is_paid(int defect, string problem)
    {
        // The network: 1 a root, 2 under 1.
        var end = NetworkSnapshot.Create([new(1, default), new(2, 1)]);
        SponsorChange[] changes = defect switch
        {
            0 => [new(2, 9, default, Day(2)), new(2, 1, 9, Day(3))],
            1 => [new(2, 1, default, Day(2)), new(2, default, 1, Day(3))],
            _ => [new(1, 2, default, Day(2)), new(1, default, 2, Day(3))], // 1 under 2 under 1 for a day
        };
        var sink = new CollectingSink();

        var error = Assert.Throws<CommissionException>(() => new CommissionRun(_plan).Execute(
            EarnerRoster.AllActive(end), [new CommissionableOrder("x-001", 2, Money.Cny(10m)) { PaidAt = Day(4) }], sponsorChanges: SponsorHistory.Create(PeriodStart, changes), sink: sink));

        Assert.Equal(CommissionErrorCodes.SponsorHistoryMismatch, error.ErrorCode);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Lines);
    }
}
