using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Run;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Paying;

/// <summary>Product and tier overrides and exclusions in a combined plan: overrides change only the levels; exclusions pay nothing at all.</summary>
public class CommissionOverridesTests
{
    // 1 ── 2 ── 3 ── 4 ── 5 ── 6 (buyer). Ranks: 1 R4 (20%), 2 and 3 R2 (10%), 4 and 5 R1 (5%), 6 none.
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4), new(6, 5)]);

    private static CommissionPlan Plan(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("team").PayToDepth(5).Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Rank("R3", Rate.FromPercent(15)).Rank("R4", Rate.FromPercent(20))
            .PeerBonus(Rate.FromPercent(2))
            .ForProduct("course", LevelReward.OfRate(Rate.FromPercent(20)), null, LevelReward.OfFixedAmount(Money.Cny(8m)))
            .ForTier("VIP", null, LevelReward.OfRate(Rate.FromPercent(6)))
            .ExcludeProducts("trial-class")
            .ExcludeOrderKinds("GroupBuy");
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static MemberRanks Ranks(CommissionPlan plan) =>
        MemberRanks.Create(Chain, plan.Ladder, new[] { "R4", "R2", "R2", "R1", "R1" }.Select((code, i) => KeyValuePair.Create(new MemberId(i + 1), code)));

    private static CommissionableOrder Order(string id = "o-1", decimal amount = 1000m, string? product = null, string? tier = null, string? kind = null) =>
        new(id, 6, Money.Cny(amount)) { ProductId = product, LadderTier = tier, Kind = kind };

    [Fact]
    public void A_product_and_a_tier_override_change_only_the_level_lines_and_each_line_names_its_source()
    {
        var plan = Plan();

        var result = new CommissionCalculator(plan).Calculate(Order(product: "course", tier: "VIP"), Ranks(plan));

        // Level 1: the product's 20% (¥200); level 2: the product keeps the plan's, the tier's 6% applies (¥60);
        // level 3: the product's fixed ¥8 wins over the plan's 3%. Differential and peer lines are the plan's, unchanged.
        Assert.Equal(
            [
                ("team/level-1", 5L, 200m, RewardSource.Product), ("team/level-2", 4L, 60m, RewardSource.LadderTier), ("team/level-3", 3L, 8m, RewardSource.Product),
                ("team/differential", 5L, 50m, RewardSource.Plan), ("team/peer-1", 4L, 20m, RewardSource.Plan), ("team/differential", 3L, 50m, RewardSource.Plan),
                ("team/peer-1", 2L, 20m, RewardSource.Plan), ("team/differential", 1L, 100m, RewardSource.Plan),
            ],
            result.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount, l.Source)));
        Assert.Equal([LevelReward.OfRate(Rate.FromPercent(20)), LevelReward.OfRate(Rate.FromPercent(6)), LevelReward.OfFixedAmount(Money.Cny(8m))], result.Lines.Take(3).Select(l => l.Reward));
        Assert.Equal(Money.Cny(492m), result.CompanyRetained);
        Assert.Null(result.Exclusion);
        Assert.Equal([RewardSource.Product, RewardSource.LadderTier, RewardSource.Product], result.Lines.Take(3).Select(l => l.Source));
    }

    [Fact]
    public void An_excluded_product_or_order_kind_pays_nothing_under_any_rule_and_says_why()
    {
        var plan = Plan();
        var calculator = new CommissionCalculator(plan);

        var product = calculator.Calculate(Order(product: "trial-class"), Ranks(plan));
        var kind = calculator.Calculate(Order(product: "course", kind: "GroupBuy"), Ranks(plan));

        foreach (var result in new[] { product, kind })
        {
            Assert.Empty(result.Lines);
            Assert.Equal(Money.Cny(1000m), result.Base);
            Assert.Equal(Money.Cny(1000m), result.CompanyRetained);
        }

        Assert.Equal("Product 'trial-class' earns no commission under plan 'team'.", product.Exclusion);
        Assert.Equal("Orders of kind 'GroupBuy' earn no commission under plan 'team'.", kind.Exclusion);
    }

    [Fact]
    public void A_plan_without_levels_still_applies_exclusions_to_the_differential_and_peer_bonus()
    {
        var plan = new CommissionPlanBuilder("team").PayToDepth(5).Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Rank("R3", Rate.FromPercent(15)).Rank("R4", Rate.FromPercent(20))
            .PeerBonus(Rate.FromPercent(2)).ExcludeProducts("trial-class").Build();
        var calculator = new CommissionCalculator(plan);

        var excluded = calculator.Calculate(Order(product: "trial-class"), Ranks(plan));
        var paid = calculator.Calculate(Order(product: "course"), Ranks(plan));

        Assert.Empty(excluded.Lines);
        Assert.NotNull(excluded.Exclusion);
        Assert.Empty(plan.Levels);
        Assert.Equal(["trial-class"], plan.ExcludedProducts);
        Assert.Equal(Money.Cny(240m), paid.TotalPaid); // 50 + 20 + 50 + 20 + 100
        Assert.Empty(plan.ScheduleFor("course").Rewards);
    }

    [Fact]
    public void Overrides_of_more_levels_than_the_plan_or_of_a_plan_without_levels_are_rejected_naming_the_setting()
    {
        var tooMany = Assert.Throws<CommissionPlanException>(() => new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Rank("R1", Rate.FromPercent(5))
            .ForProduct("course", LevelReward.OfRate(Rate.FromPercent(1)), LevelReward.OfRate(Rate.FromPercent(1))).Build());
        var noLevels = Assert.Throws<CommissionPlanException>(() => new CommissionPlanBuilder("team").Rank("R1", Rate.FromPercent(5))
            .ForTier("VIP", LevelReward.OfRate(Rate.FromPercent(1))).Build());
        var badRate = Assert.Throws<CommissionPlanException>(() => new CommissionPlanBuilder("team").Level(Rate.FromPercent(10))
            .ForProduct("course", LevelReward.OfRate(Rate.FromPercent(150))).Build());

        Assert.Contains(tooMany.Problems, p => p.Code == CommissionErrorCodes.InvalidPlan && p.Message.Contains("ProductOverrides:course has 2 level(s) but the plan has 1", StringComparison.Ordinal));
        Assert.Contains(noLevels.Problems, p => p.Code == CommissionErrorCodes.InvalidPlan && p.Message.Contains("TierOverrides:VIP overrides level rewards but the plan pays no levels", StringComparison.Ordinal));
        Assert.Contains(badRate.Problems, p => p.Message.Contains("ProductOverrides:course[0] (level 1) Rate is 150%", StringComparison.Ordinal));
    }

    [Fact]
    public void The_month_end_run_pays_excluded_orders_nothing_and_counts_no_volume_for_them()
    {
        var plan = Plan(b => b.Rank("R5", Rate.FromPercent(25), r => r.MinPersonalVolume = Money.Cny(1000m)));
        var orders = new[]
        {
            Order("o-1", 1000m, product: "trial-class"),
            Order("o-2", 500m, kind: "GroupBuy"),
            Order("o-3", 200m, product: "course"),
        };
        var sink = new CollectingSink();

        var result = new CommissionRun(plan).Execute(EarnerRoster.AllActive(Chain), orders, sink: sink);

        Assert.Equal(Money.Cny(200m), result.Volumes!.PersonalOf(6));
        Assert.Equal(Money.Cny(200m), result.Volumes.TeamOf(1));
        Assert.NotEqual("R5", result.Ranks.RankOf(6)?.Code); // ¥1,500 of excluded orders would have qualified it
        Assert.All(sink.Lines, l => Assert.Equal(2, l.Order));
        var expected = new CommissionCalculator(plan).Calculate(orders[2], result.Ranks);
        Assert.Equal(expected.Lines.Select(l => (l.Beneficiary.Value, l.Amount.MinorUnits)), sink.Lines.Select(l => (Chain.MemberAt(l.Beneficiary).Value, l.Amount)));
        Assert.Equal(expected.TotalPaid, result.TotalPaid);
    }

    [Fact]
    public void A_batch_carries_schedules_resolved_by_the_paying_plan_and_refuses_another_plans()
    {
        var plan = Plan();
        var other = Plan();
        var run = new CommissionRun(plan);
        var ranks = Ranks(plan);
        ReadOnlyMemory<int> buyers = new[] { 5, 5 };
        ReadOnlyMemory<long> bases = new[] { 100_000L, 100_000L };

        var paid = run.PayBatch(ranks, new OrderBatch(buyers, bases, new[] { plan.ScheduleFor("course"), null }));
        var volume = run.QualifyRanks(Chain, new OrderBatch(buyers, bases, new[] { plan.ScheduleFor("trial-class"), null })).Volumes;
        var foreign = Assert.Throws<CommissionException>(() => run.PayBatch(ranks, new OrderBatch(buyers, bases, new[] { other.ScheduleFor("course"), null })));
        var foreignVolume = Assert.Throws<CommissionException>(() => run.QualifyRanks(Chain, new OrderBatch(buyers, bases, new[] { null, other.ScheduleFor() })));
        var length = Assert.Throws<CommissionException>(() => new OrderBatch(buyers, bases, new RewardSchedule?[] { null }));

        // Levels on ¥1,000 bought by 6: the course pays 20% + the plan's 5% + ¥8 = 258; the plan's own 10% + 5% + 3% = 180.
        Assert.Equal(Money.Cny(258m + 180m), paid.TotalPaidFor(CommissionRuleKind.Level));
        Assert.Equal(Money.Cny(1000m), volume.PersonalOf(6));
        Assert.Equal(CommissionErrorCodes.ForeignSchedule, foreign.ErrorCode);
        Assert.Contains("Order 0", foreign.Message, StringComparison.Ordinal);
        Assert.Equal(CommissionErrorCodes.ForeignSchedule, foreignVolume.ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, length.ErrorCode);
    }

    [Fact]
    public void A_calculator_refuses_a_schedule_resolved_by_another_plan()
    {
        var plan = Plan();
        var calculator = new CommissionCalculator(new CommissionPlanBuilder("levels").Level(Rate.FromPercent(10)).Build());

        var error = Assert.Throws<ArgumentException>(() => calculator.Calculate(plan.ScheduleFor("course"), 5, 100, EarnerRoster.AllActive(Chain), new CommissionRunLine[plan.MaxLinesPerOrder]));

        Assert.Equal("schedule", error.ParamName);
        Assert.Same(plan, plan.ScheduleFor("course").Plan);
    }
}
