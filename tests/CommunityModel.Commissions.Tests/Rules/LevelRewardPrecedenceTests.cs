using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Rules;

/// <summary>Which reward a level pays when the plan, the product and the ladder tier each set one: a fixed amount from any source wins over a rate; among equals, product beats tier beats plan.</summary>
public class LevelRewardPrecedenceTests
{
    // 1 ── 2 (buyer): member 1 is level 1.
    private static readonly NetworkSnapshot Pair = NetworkSnapshot.Create([new(1, default), new(2, 1)]);

    private static CommissionLine LevelOne(CommissionPlanBuilder builder) =>
        Assert.Single(new CommissionCalculator(builder.Build()).Calculate(new CommissionableOrder("o-1", 2, Money.Cny(1000m)) { ProductId = "camp", LadderTier = "VIP" }, Pair).Lines);

    [Fact]
    public void A_products_fixed_amount_wins_over_a_tiers_fixed_amount()
    {
        var line = LevelOne(new CommissionPlanBuilder("p").Level(Rate.FromPercent(10))
            .ForProduct("camp", LevelReward.OfFixedAmount(Money.Cny(30m))).ForTier("VIP", LevelReward.OfFixedAmount(Money.Cny(20m))));

        Assert.Equal((Money.Cny(30m), RewardSource.Product), (line.Amount, line.Source));
    }

    [Fact]
    public void A_tiers_fixed_amount_wins_over_a_products_rate()
    {
        var line = LevelOne(new CommissionPlanBuilder("p").Level(Rate.FromPercent(10))
            .ForProduct("camp", LevelReward.OfRate(Rate.FromPercent(15))).ForTier("VIP", LevelReward.OfFixedAmount(Money.Cny(20m))));

        Assert.Equal((Money.Cny(20m), RewardSource.LadderTier), (line.Amount, line.Source));
    }

    [Fact]
    public void The_plans_fixed_amount_wins_over_a_products_rate()
    {
        var line = LevelOne(new CommissionPlanBuilder("p").Level(Money.Cny(50m)).ForProduct("camp", LevelReward.OfRate(Rate.FromPercent(15))));

        Assert.Equal((Money.Cny(50m), RewardSource.Plan), (line.Amount, line.Source));
    }

    [Fact]
    public void Among_rates_the_product_beats_the_tier_and_the_tier_beats_the_plan()
    {
        var product = LevelOne(new CommissionPlanBuilder("p").Level(Rate.FromPercent(10))
            .ForProduct("camp", LevelReward.OfRate(Rate.FromPercent(15))).ForTier("VIP", LevelReward.OfRate(Rate.FromPercent(12))));
        var tier = LevelOne(new CommissionPlanBuilder("p").Level(Rate.FromPercent(10)).ForTier("VIP", LevelReward.OfRate(Rate.FromPercent(12))));

        Assert.Equal((Money.Cny(150m), RewardSource.Product), (product.Amount, product.Source));
        Assert.Equal((Money.Cny(120m), RewardSource.LadderTier), (tier.Amount, tier.Source));
    }
}
