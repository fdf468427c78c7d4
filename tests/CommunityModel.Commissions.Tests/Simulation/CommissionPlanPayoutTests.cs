using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Simulation;
using CommunityModel.Metrics.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Simulation;

public class CommissionPlanPayoutTests
{
    private static CommissionPlan TenFiveThree(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("standard").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static GrowthSimulationOptions Options(int months = 24) => new() { Months = months, Draws = SimulationDraws.Expected };

    [Fact]
    public void A_VIP_fee_pays_the_three_levels_of_the_plan()
    {
        var payout = new CommissionPlanPayout(TenFiveThree());

        // 360 + 180 + 108, as the calculator pays a 3,600 VIP card.
        Assert.Equal(Money.Cny(648m), payout.CommissionOn(SimulatedProduct.VipMembership, Money.Cny(3_600m)));
        Assert.Equal("standard", payout.Name);
        Assert.Null(payout.PayoutCap);
    }

    [Fact]
    public void The_simulation_pays_through_the_plan_and_reports_the_profiles_cap()
    {
        var payout = new CommissionPlanPayout(TenFiveThree(), ComplianceProfiles.ChinaDirectSelling);

        var projection = new GrowthSimulator(Options(), payout).Run();
        var byLevelRates = new GrowthSimulator(Options()).Run();

        Assert.Equal("standard (china-direct-selling)", projection.PayoutModel);
        Assert.Equal(Rate.FromPercent(30), projection.PayoutCap);
        Assert.False(projection.ExceedsCap);

        // The plan pays 10% / 5% / 3% rounded down per level: exactly the default level-rate model.
        Assert.Equal<SimulatedMonth>(byLevelRates.Months, projection.Months);
        Assert.True(projection.CommissionPaid.IsPositive);
    }

    [Fact]
    public void Each_line_pays_what_the_calculator_pays_on_one_unit_times_the_units()
    {
        var payout = new CommissionPlanPayout(TenFiveThree(b => b.ForTier("Premium", LevelReward.OfRate(Rate.FromPercent(20)))));

        var projection = new GrowthSimulator(Options(), payout).Run();

        Assert.All(projection.Months.SelectMany(m => m.Sales), line =>
            Assert.Equal(payout.CommissionOn(line.Product, line.UnitPrice) * line.Units, line.Commission));
        Assert.Equal(Money.Cny(39_800m * 0.28m), payout.CommissionOn(SimulatedProduct.Premium, Money.Cny(39_800m)));
    }

    [Fact]
    public void Excluded_products_and_membership_orders_pay_nothing()
    {
        var payout = new CommissionPlanPayout(TenFiveThree(b => b.ExcludeProducts("LeadMagnet").ExcludeOrderKinds(CommissionPlanPayout.MembershipKind)));

        Assert.Equal(Money.Cny(0m), payout.CommissionOn(SimulatedProduct.LeadMagnet, Money.Cny(9.90m)));
        Assert.Equal(Money.Cny(0m), payout.CommissionOn(SimulatedProduct.KaRenewal, Money.Cny(120_000m)));
        Assert.Equal(Money.Cny(71.82m), payout.CommissionOn(SimulatedProduct.Entry, Money.Cny(399m)));
    }

    [Fact]
    public void A_plan_paying_on_margin_is_priced_at_its_most_with_a_cost_of_zero()
    {
        var payout = new CommissionPlanPayout(TenFiveThree(b => b.PayOn(CommissionBase.AmountPaidMinusCost)));

        Assert.Equal(Money.Cny(71.82m), payout.CommissionOn(SimulatedProduct.Entry, Money.Cny(399m)));
    }

    [Fact]
    public void A_plan_in_another_currency_is_refused_when_the_simulator_is_made()
    {
        var payout = new CommissionPlanPayout(new CommissionPlanBuilder("usd", Currency.USD).Level(Rate.FromPercent(10)).Build());

        var error = Assert.Throws<CommissionException>(() => new GrowthSimulator(Options(), payout));

        Assert.Equal(CommissionErrorCodes.OrderCurrency, error.ErrorCode);
        Assert.Throws<ArgumentNullException>(() => new CommissionPlanPayout(null!));
    }

    [Property(MaxTest = 1000)]
    public Property A_plan_of_level_rates_pays_exactly_the_level_rate_model_and_never_more_than_the_price() =>
        Prop.ForAll(
            Gen.Choose(0, 33).ArrayOf().Where(a => a.Length is >= 1 and <= CommissionPlan.MaxLevels).ToArbitrary(),
            Gen.Choose(0, 100_000_000).ToArbitrary(),
            Gen.Elements(Enum.GetValues<SimulatedProduct>()).ToArbitrary(),
            (percents, fen, product) =>
            {
                var rates = percents.Select(p => Rate.FromPercent(p)).ToArray();
                var builder = new CommissionPlanBuilder("generated");
                foreach (var rate in rates)
                {
                    builder.Level(rate);
                }

                var price = Money.FromMinorUnits(fen, Currency.CNY);
                var paid = new CommissionPlanPayout(builder.Build()).CommissionOn(product, price);
                return paid == new LevelRatePayout(rates).CommissionOn(product, price) && !paid.IsNegative && paid <= price;
            });
}
