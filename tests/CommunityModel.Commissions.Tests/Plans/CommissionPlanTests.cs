using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Plans;

public class CommissionPlanTests
{
    [Fact]
    public void More_than_three_levels_is_a_configuration_error()
    {
        var builder = new CommissionPlanBuilder("four").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).Level(Rate.FromPercent(1));

        var error = Assert.Throws<CommissionPlanException>(builder.Build);

        Assert.Equal(CommissionErrorCodes.InvalidPlan, error.ErrorCode);
        Assert.Contains("4 level(s)", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_bad_plan_is_listed_at_once()
    {
        var options = new CommissionPlanOptions
        {
            Name = " ",
            Levels =
            [
                new CommissionLevelOptions { Rate = Rate.FromPercent(120) },
                new CommissionLevelOptions(),
                new CommissionLevelOptions { FixedAmount = Money.Usd(-1m) },
            ],
            TierOverrides = new Dictionary<string, IList<CommissionLevelOptions>> { ["VIP"] = [new(), new(), new(), new()] },
            Rounding = (RoundingMode)42,
            Base = (CommissionBase)7,
            Earners = (EarnerEligibility)7,
            IneligibleUpline = (IneligibleUplinePolicy)7,
        };

        var problems = CommissionPlan.Validate(options);

        Assert.Equal(11, problems.Length);
        Assert.Contains(problems, p => p.Message.Contains("between 0% and 100%", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("neither", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("USD", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("zero or more", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("TierOverrides:VIP", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("120%", StringComparison.Ordinal));
    }

    [Fact]
    public void Rates_summing_over_100_percent_are_refused_and_no_levels_is_refused()
    {
        Assert.Contains("110%", Assert.Single(CommissionPlan.Validate(new CommissionPlanBuilder("x").Level(Rate.FromPercent(60)).Level(Rate.FromPercent(50)).ToOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("pays nothing", Assert.Single(CommissionPlan.Validate(new CommissionPlanOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("Currency", Assert.Single(CommissionPlan.Validate(new CommissionPlanOptions { Currency = Currency.None, Levels = [new() { Rate = Rate.Zero }] })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_plan_keeps_its_data_and_names_its_rules()
    {
        var plan = new CommissionPlanBuilder("seed", Currency.CNY)
            .Level(Rate.FromPercent(10)).Level(Money.Cny(30m))
            .ForProduct("course", null, LevelReward.OfRate(Rate.FromPercent(2)))
            .ExcludeProducts("guide").ExcludeOrderKinds("FlashSale").JoiningProducts("starter-kit")
            .PayOn(CommissionBase.AmountPaidMinusCost).EarnersAre(EarnerEligibility.DesignatedPromoters)
            .WhenUplineIneligible(IneligibleUplinePolicy.Compress).RoundWith(RoundingMode.HalfEven)
            .Build();

        Assert.Equal<LevelReward>([LevelReward.OfRate(Rate.FromPercent(10)), LevelReward.OfFixedAmount(Money.Cny(30m))], plan.Levels);
        Assert.Equal("seed/level-2", plan.RuleId(CommissionRuleKind.Level, 2));
        Assert.Equal<LevelReward?>([null, LevelReward.OfRate(Rate.FromPercent(2))], plan.ProductOverrides["course"]);
        Assert.Contains("guide", plan.ExcludedProducts);
        Assert.Contains("FlashSale", plan.ExcludedOrderKinds);
        Assert.Contains("starter-kit", plan.JoiningProducts);
        Assert.Equal((CommissionBase.AmountPaidMinusCost, EarnerEligibility.DesignatedPromoters, IneligibleUplinePolicy.Compress, RoundingMode.HalfEven), (plan.Base, plan.Earners, plan.IneligibleUpline, plan.Rounding));
        Assert.Equal(Money.Cny(30m).ToString(), plan.Levels[1].ToString());
        Assert.Equal("10%", plan.Levels[0].ToString());
    }

    [Fact]
    public void A_plan_declares_the_depth_it_pays_to_three_by_default_and_no_level_lies_deeper()
    {
        var levels = new CommissionPlanBuilder("x").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3));

        Assert.Equal(3, levels.Build().MaxDepth);
        Assert.Equal(8, new CommissionPlanBuilder("deep").Level(Rate.FromPercent(10)).PayToDepth(8).Build().MaxDepth);
        Assert.Contains("MaxDepth is 2", Assert.Single(CommissionPlan.Validate(levels.PayToDepth(2).ToOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("1 to 64", Assert.Single(CommissionPlan.Validate(new CommissionPlanBuilder("x").Level(Rate.FromPercent(1)).PayToDepth(0).ToOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("1 to 64", Assert.Single(CommissionPlan.Validate(new CommissionPlanBuilder("x").Level(Rate.FromPercent(1)).PayToDepth(65).ToOptions())).Message, StringComparison.Ordinal);
    }
}
