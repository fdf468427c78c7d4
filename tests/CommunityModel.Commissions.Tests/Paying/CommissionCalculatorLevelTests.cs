using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Paying;

public class CommissionCalculatorLevelTests
{
    // 1 ── 2 ── 3 ── 4 ── 5 (buyer): 4 is level 1, 3 level 2, 2 level 3, 1 is beyond the plan.
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]);

    private static readonly EarnerRoster Roster = EarnerRoster.AllActive(Chain);

    private static CommissionPlan TenFiveThree(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("standard").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static CommissionableOrder Vip(decimal paid = 3600m) => new("order-1/line-1", 5, Money.Cny(paid)) { ProductId = "vip-card", LadderTier = "VIP" };

    [Fact]
    public void Three_levels_pay_10_5_and_3_percent_of_a_3600_VIP_and_the_company_keeps_the_rest()
    {
        var result = new CommissionCalculator(TenFiveThree()).Calculate(Vip(), Chain);

        Assert.Equal([(4L, 1, 360.00m), (3L, 2, 180.00m), (2L, 3, 108.00m)], result.Lines.Select(l => (l.Beneficiary.Value, l.Level, l.Amount.Amount)));
        Assert.Equal(Money.Cny(2952m), result.CompanyRetained);
        Assert.Equal(Money.Cny(648m), result.TotalPaid);
        Assert.Equal("standard/level-2", result.Lines[1].Rule);
        Assert.Equal(new CommissionKey("order-1/line-1", 3, "standard/level-2"), result.Lines[1].Key);
        Assert.Equal(LevelReward.OfRate(Rate.FromPercent(5)), result.Lines[1].Reward);
        Assert.Equal(Money.Cny(3600m), result.Lines[1].Basis);
        Assert.Null(result.Exclusion);
    }

    [Fact]
    public void Rates_round_down_to_the_fen_by_default_so_the_plan_never_overpays()
    {
        var result = new CommissionCalculator(TenFiveThree()).Calculate(Vip(99.99m), Chain);

        // 9.999 → 9.99; 4.9995 → 4.99; 2.9997 → 2.99; the company keeps 82.02.
        Assert.Equal([9.99m, 4.99m, 2.99m], result.Lines.Select(l => l.Amount.Amount));
        Assert.Equal(Money.Cny(82.02m), result.CompanyRetained);
        Assert.Equal([10.00m, 5.00m, 3.00m], new CommissionCalculator(TenFiveThree(b => b.RoundWith(RoundingMode.HalfUp))).Calculate(Vip(99.99m), Chain).Lines.Select(l => l.Amount.Amount));
    }

    [Fact]
    public void A_buyer_near_the_top_pays_only_the_levels_that_exist()
    {
        var result = new CommissionCalculator(TenFiveThree()).Calculate(new CommissionableOrder("o", 2, Money.Cny(100m)), Chain);

        Assert.Equal((1L, 1), (Assert.Single(result.Lines).Beneficiary.Value, result.Lines[0].Level));
        Assert.Equal(Money.Cny(90m), result.CompanyRetained);
    }

    [Fact]
    public void Forfeit_policy_gives_a_suspended_uplines_level_to_the_company()
    {
        var roster = EarnerRoster.Create(Chain, [KeyValuePair.Create(new MemberId(3), EarnerStatus.Suspended)]);

        var result = new CommissionCalculator(TenFiveThree()).Calculate(Vip(), roster);

        Assert.Equal([(4L, 1), (2L, 3)], result.Lines.Select(l => (l.Beneficiary.Value, l.Level)));
        Assert.Equal(new ForfeitedLevel(2, 3, EarnerStatus.Suspended), Assert.Single(result.Forfeited));
        Assert.Equal(Money.Cny(3600m - 360m - 108m), result.CompanyRetained);
    }

    [Fact]
    public void Compress_policy_lets_the_next_eligible_upline_take_the_level_and_names_who_was_skipped()
    {
        var roster = EarnerRoster.Create(Chain, [KeyValuePair.Create(new MemberId(3), EarnerStatus.Inactive)]);

        var result = new CommissionCalculator(TenFiveThree(b => b.WhenUplineIneligible(IneligibleUplinePolicy.Compress).PayToDepth(4))).Calculate(Vip(), roster);

        // Compressing past 3 makes 1 the third level at depth 4: a plan declaring four generations pays it.
        Assert.Equal([(4L, 1), (2L, 2), (1L, 3)], result.Lines.Select(l => (l.Beneficiary.Value, l.Level)));
        Assert.Equal([3L], result.Lines[1].CompressedPast.Select(m => m.Value));
        Assert.Empty(result.Lines[2].CompressedPast);
        Assert.Empty(result.Forfeited);
    }

    [Fact]
    public void Promoters_only_plans_pay_designated_promoters_and_skip_everyone_else()
    {
        var roster = EarnerRoster.Create(Chain, [KeyValuePair.Create(new MemberId(4), EarnerStatus.Promoter), KeyValuePair.Create(new MemberId(2), EarnerStatus.Promoter)]);
        var plan = TenFiveThree(b => b.EarnersAre(EarnerEligibility.DesignatedPromoters).WhenUplineIneligible(IneligibleUplinePolicy.Compress));

        var result = new CommissionCalculator(plan).Calculate(Vip(), roster);

        Assert.Equal([(4L, 1), (2L, 2)], result.Lines.Select(l => (l.Beneficiary.Value, l.Level)));
        Assert.Equal([3L], result.Lines[1].CompressedPast.Select(m => m.Value));
        Assert.Empty(new CommissionCalculator(plan).Calculate(Vip(), Chain).Lines);
    }

    [Fact]
    public void A_fixed_amount_wins_over_a_percentage_and_a_product_override_beats_a_tier_override()
    {
        var plan = TenFiveThree(b => b
            .ForTier("VIP", LevelReward.OfFixedAmount(Money.Cny(300m)), LevelReward.OfRate(Rate.FromPercent(8)))
            .ForProduct("vip-card", LevelReward.OfRate(Rate.FromPercent(12)), LevelReward.OfRate(Rate.FromPercent(6))));

        var result = new CommissionCalculator(plan).Calculate(Vip(), Chain);

        Assert.Equal([300m, 216m, 108m], result.Lines.Select(l => l.Amount.Amount));
        Assert.Equal([RewardSource.LadderTier, RewardSource.Product, RewardSource.Plan], result.Lines.Select(l => l.Source));
    }

    [Fact]
    public void A_fixed_amount_never_pays_more_than_is_left_of_the_base()
    {
        var plan = new CommissionPlanBuilder("fixed").Level(Money.Cny(30m)).Level(Money.Cny(30m)).Build();

        var result = new CommissionCalculator(plan).Calculate(new CommissionableOrder("o", 5, Money.Cny(45m)), Chain);

        Assert.Equal([30m, 15m], result.Lines.Select(l => l.Amount.Amount));
        Assert.True(result.CompanyRetained.IsZero);
    }

    [Theory]
    [InlineData("GroupBuy", null)]
    [InlineData(null, "free-guide")]
    public void Excluded_order_kinds_and_products_earn_nothing_and_say_why(string? kind, string? product)
    {
        var plan = TenFiveThree(b => b.ExcludeOrderKinds("GroupBuy", "FlashSale").ExcludeProducts("free-guide"));

        var result = new CommissionCalculator(plan).Calculate(Vip() with { Kind = kind, ProductId = product }, Chain);

        Assert.Empty(result.Lines);
        Assert.Equal(Money.Cny(3600m), result.CompanyRetained);
        Assert.Contains(kind ?? product!, result.Exclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_margin_base_is_amount_paid_minus_cost_and_never_negative()
    {
        var calculator = new CommissionCalculator(TenFiveThree(b => b.PayOn(CommissionBase.AmountPaidMinusCost)));

        var margin = calculator.Calculate(Vip() with { Cost = Money.Cny(1600m) }, Chain);
        var loss = calculator.Calculate(Vip() with { Cost = Money.Cny(4000m) }, Chain);

        Assert.Equal(Money.Cny(2000m), margin.Base);
        Assert.Equal([200m, 100m, 60m], margin.Lines.Select(l => l.Amount.Amount));
        Assert.True(loss.Base.IsZero);
        Assert.Empty(loss.Lines);
    }

    [Fact]
    public void Unusable_orders_are_refused_with_a_typed_error()
    {
        var calculator = new CommissionCalculator(TenFiveThree(b => b.PayOn(CommissionBase.AmountPaidMinusCost)));

        Assert.Equal(CommissionErrorCodes.OrderCostMissing, Assert.Throws<CommissionException>(() => calculator.Calculate(Vip(), Chain)).ErrorCode);
        Assert.Equal(CommissionErrorCodes.OrderCurrency, Assert.Throws<CommissionException>(() => calculator.Calculate(new CommissionableOrder("o", 5, Money.Usd(1m)), Chain)).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => calculator.Calculate(new CommissionableOrder("", 5, Money.Cny(1m)), Chain)).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => calculator.Calculate(new CommissionableOrder("o", 5, Money.Cny(-1m)), Chain)).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, Assert.Throws<ReferralException>(() => calculator.Calculate(new CommissionableOrder("o", 99, Money.Cny(1m)) { Cost = Money.Cny(0m) }, Chain)).ErrorCode);
    }

    // The span path: dense indices (member k sits at index k - 1 in this chain) and minor units.
    [Fact]
    public void Three_levels_on_a_3600_VIP_write_360_180_and_108_yuan_to_the_uplines_indices()
    {
        var calculator = new CommissionCalculator(TenFiveThree());
        Span<CommissionRunLine> payouts = stackalloc CommissionRunLine[CommissionPlan.MaxLevels];

        var count = calculator.Calculate(calculator.Plan.ScheduleFor(), Chain.IndexOf(5), 360_000, Roster, payouts);

        Assert.Equal(3, count);
        Assert.Equal([new CommissionRunLine(0, 3, 36_000, 36_000, CommissionRuleKind.Level, 1, false), new CommissionRunLine(0, 2, 18_000, 18_000, CommissionRuleKind.Level, 2, false), new CommissionRunLine(0, 1, 10_800, 10_800, CommissionRuleKind.Level, 3, false)], payouts.ToArray());
        Assert.Equal(new MemberId(4), Chain.MemberAt(payouts[0].Beneficiary));
    }

    [Fact]
    public void A_resolved_product_schedule_applies_its_override_and_a_fixed_amount_wins_over_a_rate()
    {
        var calculator = new CommissionCalculator(TenFiveThree(b => b
            .ForTier("VIP", LevelReward.OfFixedAmount(Money.Cny(300m)))
            .ForProduct("vip-card", LevelReward.OfRate(Rate.FromPercent(12)), LevelReward.OfRate(Rate.FromPercent(6)))));
        var schedule = calculator.Plan.ScheduleFor("vip-card", "VIP");
        var payouts = new CommissionRunLine[3];

        var count = calculator.Calculate(schedule, 4, 360_000, Roster, payouts);

        Assert.Equal([30_000L, 21_600L, 10_800L], payouts[..count].Select(p => p.Amount));
        Assert.Equal<RewardSource>([RewardSource.LadderTier, RewardSource.Product, RewardSource.Plan], schedule.Sources);
    }

    [Fact]
    public void Schedules_are_resolved_once_so_the_same_selection_returns_the_same_instance()
    {
        var calculator = new CommissionCalculator(TenFiveThree(b => b.ForProduct("vip-card", LevelReward.OfRate(Rate.FromPercent(12)))));

        Assert.Same(calculator.Plan.ScheduleFor(), calculator.Plan.ScheduleFor("no-override", "no-tier", "Normal"));
        Assert.Same(calculator.Plan.ScheduleFor("vip-card"), calculator.Plan.ScheduleFor("vip-card", "no-tier"));
        Assert.Equal<LevelReward>([LevelReward.OfRate(Rate.FromPercent(12)), LevelReward.OfRate(Rate.FromPercent(5)), LevelReward.OfRate(Rate.FromPercent(3))], calculator.Plan.ScheduleFor("vip-card").Rewards);
    }

    [Fact]
    public void An_excluded_product_or_order_kind_schedule_pays_nothing_and_says_why()
    {
        var calculator = new CommissionCalculator(TenFiveThree(b => b.ExcludeProducts("free-guide").ExcludeOrderKinds("GroupBuy")));
        var payouts = new CommissionRunLine[3];

        Assert.Equal(0, calculator.Calculate(calculator.Plan.ScheduleFor("free-guide"), 4, 360_000, Roster, payouts));
        Assert.Equal(0, calculator.Calculate(calculator.Plan.ScheduleFor(orderKind: "GroupBuy"), 4, 360_000, Roster, payouts));
        Assert.Contains("free-guide", calculator.Plan.ScheduleFor("free-guide").Exclusion, StringComparison.Ordinal);
        Assert.Contains("GroupBuy", calculator.Plan.ScheduleFor(orderKind: "GroupBuy").Exclusion, StringComparison.Ordinal);
        Assert.Null(calculator.Plan.ScheduleFor("vip-card").Exclusion);
    }

    [Fact]
    public void The_span_path_allocates_nothing()
    {
        var calculator = new CommissionCalculator(TenFiveThree());
        var schedule = calculator.Plan.ScheduleFor();
        var payouts = new CommissionRunLine[3];
        var total = calculator.Calculate(schedule, 4, 360_000, Roster, payouts);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            total += calculator.Calculate(schedule, 4, 360_000 + i, Roster, payouts);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3003, total);
    }

    [Fact]
    public void Bad_span_requests_are_refused_with_a_typed_error_and_write_nothing()
    {
        var calculator = new CommissionCalculator(TenFiveThree());
        var other = new CommissionCalculator(TenFiveThree()).Plan.ScheduleFor();
        var payouts = new CommissionRunLine[3];

        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => calculator.Calculate(calculator.Plan.ScheduleFor(), 4, -1, Roster, payouts)).ErrorCode);
        Assert.Equal("buyer", Assert.Throws<ArgumentOutOfRangeException>(() => calculator.Calculate(calculator.Plan.ScheduleFor(), 5, 100, Roster, payouts)).ParamName);
        Assert.Equal("buyer", Assert.Throws<ArgumentOutOfRangeException>(() => calculator.Calculate(calculator.Plan.ScheduleFor(), -1, 100, Roster, payouts)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => calculator.Calculate(calculator.Plan.ScheduleFor(), 4, 100, Roster, new CommissionRunLine[2])).ParamName);
        Assert.Equal("schedule", Assert.Throws<ArgumentException>(() => calculator.Calculate(other, 4, 100, Roster, payouts)).ParamName);
        Assert.All(payouts, p => Assert.Equal(default, p));
    }
}
