using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Run;

public class CommissionRunTests
{
    // The six-member network of TeamFixtures with its ladder R1 5% / R2 10% / R3 15%, levels 10% and 5%, a 2% peer bonus.
    private static CommissionPlan Plan(Action<CommissionPlanBuilder>? configure = null)
    {
        var options = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).PeerBonus(Rate.FromPercent(2)).ToOptions();
        foreach (var rank in TeamFixtures.ThreeRanks().Ranks)
        {
            options.Ranks.Add(new RankOptions { Code = rank.Code, DifferentialRate = rank.DifferentialRate, MinPersonalVolume = rank.MinPersonalVolume, MinTeamVolume = rank.MinTeamVolume, MinDirectReferrals = rank.MinDirectReferrals, MinQualifiedLegs = rank.MinQualifiedLegs, LegRank = rank.LegRank });
        }

        var builder = new CommissionPlanBuilder("team");
        configure?.Invoke(builder);
        var extra = builder.ToOptions();
        options.PayoutCap = extra.PayoutCap;
        options.RankRetention = extra.RankRetention;
        return CommissionPlan.Create(options);
    }

    private static CommissionableOrder[] Orders() =>
    [
        new("b-004", 4, Money.Cny(3000m)), new("a-001", 1, Money.Cny(1000m)), new("c-006", 6, Money.Cny(4000m)),
        new("a-002", 2, Money.Cny(2000m)), new("c-005", 5, Money.Cny(1000m)), new("b-003", 3, Money.Cny(500m)),
    ];

    [Fact]
    public void A_month_end_run_qualifies_ranks_from_the_periods_orders_and_refunds_then_pays_every_order_in_order_line_id_order()
    {
        var sink = new CollectingSink();
        var run = new CommissionRun(Plan());

        var result = run.Execute(EarnerRoster.AllActive(TeamFixtures.SixMembers), Orders(), [VolumeEntry.Refund(5, Money.Cny(1500m))], sink: sink);

        // Same volumes as the rank worked example, so the same ranks: 1 R3, 2 and 3 R2, 4 and 6 R1, 5 none.
        Assert.Equal(["R3", "R2", "R2", "R1", "-", "R1"], Enumerable.Range(1, 6).Select(m => result.Ranks.RankOf(m)?.Code ?? "-"));
        Assert.Equal(["a-001", "a-002", "b-003", "b-004", "c-005", "c-006"], Enumerable.Range(0, 6).Select(result.OrderLineIdAt));
        Assert.Equal(Money.Cny(11_500m), result.TotalBase);

        // c-006: 6 (R1) buys ¥4,000: levels 3 ¥400, 1 ¥200; differential 6 ¥200 (own rank), 3 ¥200 (R2), 1 ¥200 (R3); no R1 peer above 6.
        var c006 = sink.Lines.Where(l => l.Order == 5).Select(l => (TeamFixtures.SixMembers.MemberAt(l.Beneficiary).Value, result.Plan.RuleId(l.Kind, l.Ordinal), l.Amount));
        Assert.Equal([(3L, "team/level-1", 40_000L), (1L, "team/level-2", 20_000L), (6L, "team/differential", 20_000L), (3L, "team/differential", 20_000L), (1L, "team/differential", 20_000L)], c006);
        // Member 1 (R3) tops every sale: 150 (own 1,000) + 100 + 25 + 150 + 50 + 200; member 2 (R2): 200 (own) + 150 (over 4) + 100 (over 5).
        Assert.Equal((Money.Cny(675m), Money.Cny(450m)), (result.EarnedBy(1, CommissionRuleKind.Differential), result.EarnedBy(2, CommissionRuleKind.Differential)));
        Assert.Equal(Money.Zero(Currency.CNY), result.TotalPaidFor(CommissionRuleKind.Peer));
        Assert.Equal(result.TotalPaid, Money.FromMinorUnits(sink.Lines.Sum(l => l.Amount), Currency.CNY));
        Assert.Equal(result.TotalBase - result.TotalPaid, result.CompanyRetained);
        Assert.Equal("R3", result.ExplainRank(1).Held?.Code);
        Assert.Equal(sink.Lines.Count, result.LineCount);
    }

    [Fact]
    public void The_ledger_runs_by_buyer_in_network_order_then_by_order_number_then_in_the_plans_line_order()
    {
        // Network order (pre-order): 1, 2, 4, 5, 3, 6. Order numbers by id: a-001 0 (buyer 1), a-002 1 (2), b-003 2 (3),
        // b-004 3 (4), c-005 4 (5), c-006 5 (6); so the ledger pays 0, 1, 3, 4, 2, 5.
        var sink = new CollectingSink();
        var result = new CommissionRun(Plan(), new CommissionRunOptions { ChunkSize = 2 }).Execute(EarnerRoster.AllActive(TeamFixtures.SixMembers), Orders(), sink: sink);

        Assert.Equal([0, 1, 3, 4, 2, 5], sink.Lines.Select(l => l.Order).Distinct());
        Assert.Equal(
            ["a-001", "a-002", "b-004", "c-005", "b-003", "c-006"],
            sink.Lines.Select(l => l.Order).Distinct().Select(o => result.OrderLineIdAt(o)));

        // Within one buyer, by order number, and each order's lines in the plan's order (levels, then the differential walk up).
        var batch = new OrderBatch(new[] { 5, 0, 5, 2 }, new long[] { 100_000, 200_000, 300_000, 400_000 });
        var batchSink = new CollectingSink();
        var run = new CommissionRun(result.Plan, new CommissionRunOptions { ChunkSize = 1 });
        run.PayBatch(result.Ranks, batch, sink: batchSink);
        Assert.Equal([1, 3, 0, 2], batchSink.Lines.Select(l => l.Order).Distinct());
        Assert.Equal(
            [(3L, "team/level-1", 10_000L), (1L, "team/level-2", 5_000L), (6L, "team/differential", 5_000L), (3L, "team/differential", 5_000L), (1L, "team/differential", 5_000L)],
            batchSink.Lines.Where(l => l.Order == 0).Select(l => (TeamFixtures.SixMembers.MemberAt(l.Beneficiary).Value, result.Plan.RuleId(l.Kind, l.Ordinal), l.Amount)));
    }

    [Fact]
    public void Per_member_totals_add_up_each_members_lines_per_rule_kind()
    {
        var sink = new CollectingSink();
        var result = new CommissionRun(Plan()).Execute(EarnerRoster.AllActive(TeamFixtures.SixMembers), Orders(), sink: sink);

        foreach (var kind in Enum.GetValues<CommissionRuleKind>())
        {
            Assert.Equal(sink.Lines.Where(l => l.Kind == kind).Sum(l => l.Amount), result.TotalPaidFor(kind).MinorUnits);
            for (var i = 0; i < 6; i++)
            {
                Assert.Equal(sink.Lines.Where(l => l.Kind == kind && l.Beneficiary == i).Sum(l => l.Amount), result.EarnedAt(i, kind).MinorUnits);
            }
        }

        Assert.Equal(sink.Lines.Where(l => l.Beneficiary == 0).Sum(l => l.Amount), result.EarnedBy(1).MinorUnits);
    }

    [Fact]
    public void Progress_is_reported_from_qualification_to_completion_and_a_batch_run_needs_no_sink()
    {
        var log = new ProgressLog();
        var plan = Plan();
        var run = new CommissionRun(plan, new CommissionRunOptions { ChunkSize = 2, MaxDegreeOfParallelism = 1 });

        var (_, ranks) = run.QualifyRanks(TeamFixtures.SixMembers, new OrderBatch(new[] { 0, 1, 2, 3, 4, 5 }, new long[] { 100_000, 200_000, 50_000, 300_000, 100_000, 400_000 }), new OrderBatch(new[] { 4 }, new long[] { 150_000 }));
        var result = run.PayBatch(ranks, new OrderBatch(new[] { 5, 5, 5, 5, 5 }, new long[] { 100, 200, 300, 400, 500 }), progress: log);

        Assert.Equal([CommissionRunPhase.PayingOrders, CommissionRunPhase.Completed], log.Reports.Select(r => r.Phase));
        Assert.Equal(new CommissionRunProgress(CommissionRunPhase.Completed, 5, 5, result.LineCount), log.Reports[^1]);
        Assert.Null(result.OrderLineIdAt(0));
        Assert.Null(result.Volumes);
        Assert.Throws<InvalidOperationException>(() => result.ExplainRank(1));
        Assert.Equal("R3", ranks.RankOf(1)?.Code);
    }

    [Fact]
    public void A_cancelled_run_stops_at_the_next_wave()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new CollectingSink(block => cancel.Cancel());
        var run = new CommissionRun(Plan(), new CommissionRunOptions { ChunkSize = 1, MaxDegreeOfParallelism = 1 });
        var ranks = MemberRanks.None(TeamFixtures.SixMembers, run.Plan.Ladder);

        Assert.ThrowsAny<OperationCanceledException>(() => run.PayBatch(ranks, new OrderBatch(Enumerable.Repeat(5, 20).ToArray(), Enumerable.Repeat(1000L, 20).ToArray()), sink: sink, cancellationToken: cancel.Token));
        Assert.Equal(4, sink.Blocks); // one wave of four one-order chunks
        Assert.ThrowsAny<OperationCanceledException>(() => run.Execute(EarnerRoster.AllActive(TeamFixtures.SixMembers), Orders(), cancellationToken: cancel.Token));
    }

    [Fact]
    public void Unusable_inputs_are_refused_before_anything_is_paid()
    {
        var run = new CommissionRun(Plan());
        var ranks = MemberRanks.None(TeamFixtures.SixMembers, run.Plan.Ladder);
        var earners = EarnerRoster.AllActive(TeamFixtures.SixMembers);

        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, Assert.Throws<CommissionException>(() => run.PayBatch(ranks, new OrderBatch(new[] { 6 }, new long[] { 1 }))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, Assert.Throws<CommissionException>(() => run.PayBatch(MemberRanks.None(TeamFixtures.SixMembers, TeamFixtures.FourRanks()), OrderBatch.Empty)).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => new OrderBatch(new[] { 1, 2 }, new long[] { 1 })).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => new OrderBatch(new[] { 1 }, new long[] { -1 })).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => run.Execute(earners, [.. Orders(), new("a-001", 2, Money.Cny(1m))])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.OrderCurrency, Assert.Throws<CommissionException>(() => run.Execute(earners, Orders(), [VolumeEntry.Refund(1, Money.Usd(1m))])).ErrorCode);
        Assert.Throws<ReferralException>(() => run.Execute(earners, [new("x", 99, Money.Cny(1m))]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommissionRun(run.Plan, new CommissionRunOptions { ChunkSize = 0 }));
    }
}
