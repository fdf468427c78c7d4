using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Rules;

public class RateBudgetTests
{
    private static CommissionPlanBuilder TenFiveThree() => new CommissionPlanBuilder("law").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3));

    private static CommissionPlanProblem OverBudget(CommissionPlanBuilder builder) =>
        Assert.Single(CommissionPlan.Validate(builder.ToOptions()), p => p.Code == CommissionErrorCodes.RatesExceedBase);

    [Fact]
    public void A_product_override_of_ninety_percent_at_each_level_is_refused_naming_the_product_and_its_levels()
    {
        var builder = TenFiveThree().ForProduct("course", LevelReward.OfRate(Rate.FromPercent(90)), LevelReward.OfRate(Rate.FromPercent(90)), LevelReward.OfRate(Rate.FromPercent(90)));

        var error = Assert.Throws<CommissionPlanException>(builder.Build);

        Assert.Equal(CommissionErrorCodes.RatesExceedBase, error.ErrorCode);
        var problem = Assert.Single(error.Problems);
        Assert.Contains("ProductOverrides:course", problem.Message);
        Assert.Contains("270", problem.Message);
        Assert.Contains("level-1 90%", problem.Message);
    }

    [Fact]
    public void Levels_the_top_rank_the_peer_generations_and_role_rates_are_summed_for_the_plan()
    {
        // 18% levels + 60% top rank + 5% × 3 peer generations + 10% role = 103%.
        var builder = TenFiveThree().Rank("R1", Rate.FromPercent(30)).Rank("R2", Rate.FromPercent(60)).PeerBonus(Rate.FromPercent(5), generations: 3).Role("agent", Rate.FromPercent(10));

        var problem = OverBudget(builder);

        Assert.Contains("103", problem.Message);
        foreach (var part in new[] { "level-3 3%", "differential R2 60%", "peer 5% × 3", "role-agent 10%" })
        {
            Assert.Contains(part, problem.Message);
        }
    }

    [Fact]
    public void A_rank_peer_rate_above_the_plans_counts_as_the_peer_bonus_highest_rate()
    {
        var builder = TenFiveThree().Rank("R1", Rate.FromPercent(40), r => r.PeerRate = Rate.FromPercent(30)).Rank("R2", Rate.FromPercent(50)).PeerBonus(Rate.FromPercent(2), generations: 2);

        // 18% + 50% + 30% × 2 = 128%.
        Assert.Contains("128", OverBudget(builder).Message);
    }

    [Fact]
    public void A_peer_bonus_of_the_downline_differential_counts_as_the_peer_rate_times_the_top_rate()
    {
        // 18% + 60% + (50% of 60%) × 1 = 108%; of the base it would be 128%.
        var builder = TenFiveThree().Rank("R1", Rate.FromPercent(60)).PeerBonus(Rate.FromPercent(50), PeerBonusBasis.OfDownlineDifferential);

        Assert.Contains("108", OverBudget(builder).Message);
    }

    [Fact]
    public void A_product_and_tier_pair_is_summed_level_by_level_as_an_order_would_resolve_it()
    {
        // Product "course" raises level 1 to 60%, tier "VIP" level 2 to 45%: each alone stays within 100%, the pair pays 60 + 45 + 3 = 108%.
        var builder = TenFiveThree().ForProduct("course", LevelReward.OfRate(Rate.FromPercent(60))).ForTier("VIP", null, LevelReward.OfRate(Rate.FromPercent(45)))
            .Rank("R1", Rate.FromPercent(0.5m));

        var problem = OverBudget(builder);

        Assert.Contains("ProductOverrides:course × TierOverrides:VIP", problem.Message);
        Assert.Contains("108.5", problem.Message);
    }

    [Fact]
    public void With_a_payout_cap_the_cap_bounds_the_total_and_the_rates_may_sum_above_100_percent()
    {
        var plan = TenFiveThree().ForProduct("course", LevelReward.OfRate(Rate.FromPercent(90)), LevelReward.OfRate(Rate.FromPercent(90)), LevelReward.OfRate(Rate.FromPercent(90)))
            .CapPayoutAt(Rate.FromPercent(40)).Build();

        Assert.Equal(Rate.FromPercent(40), plan.PayoutCap);
    }

    [Fact]
    public void Fixed_amounts_are_not_summed_against_rates()
    {
        var plan = new CommissionPlanBuilder("fixed").Level(Money.Cny(3000m)).Level(Rate.FromPercent(60)).Role("agent", Money.Cny(500m)).Rank("R1", Rate.FromPercent(40)).Build();

        Assert.Equal(2, plan.Levels.Length);
    }

    [Fact]
    public void Exactly_100_percent_is_allowed()
    {
        var plan = TenFiveThree().Rank("R1", Rate.FromPercent(80)).PeerBonus(Rate.FromPercent(1), generations: 2).Build();

        Assert.Equal(Rate.FromPercent(80), plan.Ladder.TopRate);
    }

    [Fact]
    public void The_plans_own_rates_over_the_budget_are_named_as_the_plans_with_every_share_summed()
    {
        var problem = OverBudget(TenFiveThree().Rank("R1", Rate.FromPercent(90)));

        Assert.StartsWith("The plan pays up to 108%", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(level-1 10% + level-2 5% + level-3 3% + differential R1 90%)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_over_the_budget_are_named_products_first_then_tiers_each_in_ordinal_order()
    {
        var ninety = new[] { LevelReward.OfRate(Rate.FromPercent(90)), LevelReward.OfRate(Rate.FromPercent(90)), LevelReward.OfRate(Rate.FromPercent(90)) };
        var builder = TenFiveThree().ForProduct("b-course", ninety).ForProduct("a-course", ninety).ForTier("VIP-b", ninety).ForTier("VIP-a", ninety);

        var named = CommissionPlan.Validate(builder.ToOptions()).Where(p => p.Code == CommissionErrorCodes.RatesExceedBase).Select(p => p.Message[..p.Message.IndexOf(" pays", StringComparison.Ordinal)]);

        Assert.Equal(["ProductOverrides:a-course", "ProductOverrides:b-course", "TierOverrides:VIP-a", "TierOverrides:VIP-b"], named);
    }

    [Fact]
    public void An_override_over_the_budget_on_its_own_is_named_once_and_not_again_with_each_tier()
    {
        var builder = TenFiveThree()
            .ForProduct("course", LevelReward.OfRate(Rate.FromPercent(90)), LevelReward.OfRate(Rate.FromPercent(90)), LevelReward.OfRate(Rate.FromPercent(90)))
            .ForTier("VIP", LevelReward.OfRate(Rate.FromPercent(20)));

        var problem = OverBudget(builder);

        Assert.StartsWith("ProductOverrides:course pays up to 270%", problem.Message, StringComparison.Ordinal);
    }
}
