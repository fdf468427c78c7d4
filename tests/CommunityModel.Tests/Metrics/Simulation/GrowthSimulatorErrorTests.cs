using CommunityModel.Metrics.Simulation;

namespace CommunityModel.Tests.Metrics.Simulation;

public class GrowthSimulatorErrorTests
{
    public static TheoryData<string, Action<GrowthSimulationOptions>> BadOptions() => new()
    {
        { "Months is 0", o => o.Months = 0 },
        { "Months is 121", o => o.Months = 121 },
        { "Draws is 9", o => o.Draws = (SimulationDraws)9 },
        { "Currency is 'XYZ'", o => o.Currency = "XYZ" },
        { "MonthlyBudget is -1", o => o.MonthlyBudget = -1m },
        { "MonthlyBudget is 0.001", o => o.MonthlyBudget = 0.001m },
        { "MonthlyBudget is 100000001", o => o.MonthlyBudget = 100_000_001m },
        { "CostPerLead is 0", o => o.CostPerLead = 0m },
        { "buys more than 1,000,000 leads a month", o => (o.MonthlyBudget, o.CostPerLead) = (1_000_001m, 1m) },
        { "FanConversion is 101", o => o.FanConversion = Rate.FromPercent(101) },
        { "CustomerConversion is -1", o => o.CustomerConversion = Rate.FromPercent(-1) },
        { "MemberConversion is 200", o => o.MemberConversion = Rate.FromPercent(200) },
        { "PartnerConversion is 101", o => o.PartnerConversion = Rate.FromPercent(101) },
        { "FanChurn is -5", o => o.FanChurn = Rate.FromPercent(-5) },
        { "CustomerChurn is 150", o => o.CustomerChurn = Rate.FromPercent(150) },
        { "RepurchaseRate is 101", o => o.RepurchaseRate = Rate.FromPercent(101) },
        { "RenewalRate is -1", o => o.RenewalRate = Rate.FromPercent(-1) },
        { "ReferralCoefficient is 150", o => o.ReferralCoefficient = Rate.FromFraction(1.5m) },
        { "add up to more than 100% of the fans", o => (o.CustomerConversion, o.FanChurn) = (Rate.FromPercent(60), Rate.FromPercent(50)) },
        { "add up to more than 100% of the customers", o => (o.MemberConversion, o.CustomerChurn) = (Rate.FromPercent(60), Rate.FromPercent(50)) },
        { "LeadMagnetPrice is -9.90", o => o.LeadMagnetPrice = -9.90m },
        { "EntryPrice is 399.999", o => o.EntryPrice = 399.999m },
        { "HighTicketPrice is -1", o => o.HighTicketPrice = -1m },
        { "PremiumPrice is -1", o => o.PremiumPrice = -1m },
        { "VipFee is -1", o => o.VipFee = -1m },
        { "KaFee 1000 is below VipFee 3600", o => o.KaFee = 1_000m },
        { "Level 2 pays 101", o => o.LevelRates = [Rate.Zero, Rate.FromPercent(101)] },
        { "The level rates add up to 110", o => o.LevelRates = [Rate.FromPercent(60), Rate.FromPercent(50)] },
        { "The payout cap is 101", o => o.PayoutCap = Rate.FromPercent(101) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Each_bad_option_is_named(string expected, Action<GrowthSimulationOptions> spoil)
    {
        var options = new GrowthSimulationOptions();
        spoil(options);

        var error = Assert.Throws<SimulationException>(() => new GrowthSimulator(options));

        Assert.Equal(ErrorCodes.SimulationInvalidOptions, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(new GrowthSimulationOptionsValidator().Validate(null, options).Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new GrowthSimulationOptions { Months = 0, Currency = "", CostPerLead = -1m };

        var failures = new GrowthSimulationOptionsValidator().Validate(null, options).Failures!;

        Assert.Equal(4, failures.Count()); // months, currency, negative cost, cost not above zero
        Assert.True(new GrowthSimulationOptionsValidator().Validate(null, new GrowthSimulationOptions()).Succeeded);
    }

    [Fact]
    public void Missing_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new GrowthSimulator((GrowthSimulationOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new LevelRatePayout(null!));
        Assert.Throws<ArgumentNullException>(() => new GrowthSimulationOptionsValidator().Validate(null, null!));
    }

    public static TheoryData<string, decimal[], decimal?> BadLevelRates() => new()
    {
        { "Level 1 pays -1", [-0.01m], null },
        { "add up to 101", [0.5m, 0.51m], null },
        { "The payout cap is -10", [0.1m], -0.1m },
    };

    [Theory]
    [MemberData(nameof(BadLevelRates))]
    public void A_level_rate_payout_refuses_impossible_rates(string expected, decimal[] rates, decimal? cap)
    {
        var error = Assert.Throws<SimulationException>(() => new LevelRatePayout(rates.Select(Rate.FromFraction), cap is { } c ? Rate.FromFraction(c) : null));

        Assert.Equal(ErrorCodes.SimulationInvalidPayout, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<SimulatedProduct, Money, Money>> BadCommissions() => new()
    {
        { "pays -¥0.01", (_, _) => Money.Cny(-0.01m) },
        { "pays ¥10.00 on LeadMagnet at ¥9.90", (_, price) => price + Money.Cny(0.10m) },
        { "pays $1.00", (_, _) => Money.Usd(1m) },
    };

    [Theory]
    [MemberData(nameof(BadCommissions))]
    public void A_payout_model_paying_outside_zero_and_the_price_is_refused(string expected, Func<SimulatedProduct, Money, Money> pay)
    {
        var error = Assert.Throws<SimulationException>(() => new GrowthSimulator(new GrowthSimulationOptions(), new FakePayout(pay, null)));

        Assert.Equal(ErrorCodes.SimulationInvalidPayout, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payout_model_reporting_an_impossible_cap_is_refused()
    {
        var error = Assert.Throws<SimulationException>(() => new GrowthSimulator(new GrowthSimulationOptions(), new FakePayout((_, _) => Money.Cny(0m), Rate.FromPercent(120))));

        Assert.Equal(ErrorCodes.SimulationInvalidPayout, error.ErrorCode);
        Assert.Contains("payout cap of 120", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_payout_model_is_paid_per_unit_and_named_in_the_projection()
    {
        var flat = new FakePayout((product, _) => product == SimulatedProduct.LeadMagnet ? Money.Cny(1m) : Money.Cny(0m), Rate.FromPercent(5));

        var projection = new GrowthSimulator(GrowthSimulatorTests.Small(1), flat).Run();

        Assert.Equal("fake", projection.PayoutModel);
        Assert.Equal(Money.Cny(30m), projection.CommissionPaid);
        Assert.True(projection.ExceedsCap); // 30 / 297 ≈ 10.1% > 5%
    }

    private sealed class FakePayout(Func<SimulatedProduct, Money, Money> pay, Rate? cap) : ICommissionPayout
    {
        public string Name => "fake";

        public Rate? PayoutCap => cap;

        public Money CommissionOn(SimulatedProduct product, Money unitPrice) => pay(product, unitPrice);
    }
}
