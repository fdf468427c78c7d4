using CommunityModel.Commissions.Engine;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Engine;

public class CommissionCalculatorSpanTests
{
    // 1 ── 2 ── 3 ── 4 ── 5 (buyer): in pre-order member k sits at index k - 1.
    private static readonly EarnerRoster Chain = EarnerRoster.AllActive(NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]));

    private static CommissionPlan TenFiveThree(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("standard").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3));
        configure?.Invoke(builder);
        return builder.Build();
    }

    [Fact]
    public void Three_levels_on_a_3600_VIP_write_360_180_and_108_yuan_to_the_uplines_indices()
    {
        var calculator = new CommissionCalculator(TenFiveThree());
        Span<CommissionPayout> payouts = stackalloc CommissionPayout[CommissionPlan.MaxLevels];

        var count = calculator.Calculate(Chain.Network.IndexOf(5), 360_000, Chain, payouts);

        Assert.Equal(3, count);
        Assert.Equal([new CommissionPayout(3, 1, 36_000), new CommissionPayout(2, 2, 18_000), new CommissionPayout(1, 3, 10_800)], payouts.ToArray());
        Assert.Equal(new MemberId(4), Chain.Network.MemberAt(payouts[0].Beneficiary));
    }

    [Fact]
    public void A_resolved_product_schedule_applies_its_override_and_a_fixed_amount_wins_over_a_rate()
    {
        var calculator = new CommissionCalculator(TenFiveThree(b => b
            .ForTier("VIP", LevelReward.OfFixedAmount(Money.Cny(300m)))
            .ForProduct("vip-card", LevelReward.OfRate(Rate.FromPercent(12)), LevelReward.OfRate(Rate.FromPercent(6)))));
        var schedule = calculator.ScheduleFor("vip-card", "VIP");
        var payouts = new CommissionPayout[3];

        var count = calculator.Calculate(schedule, 4, 360_000, Chain, payouts);

        Assert.Equal([30_000L, 21_600L, 10_800L], payouts[..count].Select(p => p.MinorUnits));
        Assert.Equal<RewardSource>([RewardSource.LadderTier, RewardSource.Product, RewardSource.Plan], schedule.Sources);
    }

    [Fact]
    public void Schedules_are_resolved_once_so_the_same_selection_returns_the_same_instance()
    {
        var calculator = new CommissionCalculator(TenFiveThree(b => b.ForProduct("vip-card", LevelReward.OfRate(Rate.FromPercent(12)))));

        Assert.Same(calculator.ScheduleFor(), calculator.ScheduleFor("no-override", "no-tier", "Normal"));
        Assert.Same(calculator.ScheduleFor("vip-card"), calculator.ScheduleFor("vip-card", "no-tier"));
        Assert.Equal<LevelReward>([LevelReward.OfRate(Rate.FromPercent(12)), LevelReward.OfRate(Rate.FromPercent(5)), LevelReward.OfRate(Rate.FromPercent(3))], calculator.ScheduleFor("vip-card").Rewards);
    }

    [Fact]
    public void An_excluded_product_or_order_kind_schedule_pays_nothing_and_says_why()
    {
        var calculator = new CommissionCalculator(TenFiveThree(b => b.ExcludeProducts("free-guide").ExcludeOrderKinds("GroupBuy")));
        var payouts = new CommissionPayout[3];

        Assert.Equal(0, calculator.Calculate(calculator.ScheduleFor("free-guide"), 4, 360_000, Chain, payouts));
        Assert.Equal(0, calculator.Calculate(calculator.ScheduleFor(orderKind: "GroupBuy"), 4, 360_000, Chain, payouts));
        Assert.Contains("free-guide", calculator.ScheduleFor("free-guide").Exclusion, StringComparison.Ordinal);
        Assert.Contains("GroupBuy", calculator.ScheduleFor(orderKind: "GroupBuy").Exclusion, StringComparison.Ordinal);
        Assert.Null(calculator.ScheduleFor("vip-card").Exclusion);
    }

    [Fact]
    public void The_span_path_allocates_nothing()
    {
        var calculator = new CommissionCalculator(TenFiveThree());
        var schedule = calculator.ScheduleFor();
        var payouts = new CommissionPayout[3];
        var total = calculator.Calculate(schedule, 4, 360_000, Chain, payouts);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            total += calculator.Calculate(schedule, 4, 360_000 + i, Chain, payouts);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3003, total);
    }

    [Fact]
    public void Bad_span_requests_are_refused_with_a_typed_error_and_write_nothing()
    {
        var calculator = new CommissionCalculator(TenFiveThree());
        var other = new CommissionCalculator(TenFiveThree()).ScheduleFor();
        var payouts = new CommissionPayout[3];

        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => calculator.Calculate(4, -1, Chain, payouts)).ErrorCode);
        Assert.Equal("buyer", Assert.Throws<ArgumentOutOfRangeException>(() => calculator.Calculate(5, 100, Chain, payouts)).ParamName);
        Assert.Equal("buyer", Assert.Throws<ArgumentOutOfRangeException>(() => calculator.Calculate(-1, 100, Chain, payouts)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => calculator.Calculate(4, 100, Chain, new CommissionPayout[2])).ParamName);
        Assert.Equal("schedule", Assert.Throws<ArgumentException>(() => calculator.Calculate(other, 4, 100, Chain, payouts)).ParamName);
        Assert.All(payouts, p => Assert.Equal(default, p));
    }
}
