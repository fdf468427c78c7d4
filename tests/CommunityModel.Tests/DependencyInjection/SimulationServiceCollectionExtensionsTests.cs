using CommunityModel.Metrics.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.DependencyInjection;

public class SimulationServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_bind_from_configuration_and_replace_the_preset_level_rates()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulation:Months"] = "12",
            ["Simulation:Draws"] = "Expected",
            ["Simulation:MonthlyBudget"] = "5000",
            ["Simulation:FanConversion"] = "25%",
            ["Simulation:ReferralCoefficient"] = "0.8",
            ["Simulation:LevelRates:0"] = "20%",
            ["Simulation:PayoutCap"] = "25%",
        }).Build();
        using var provider = new ServiceCollection().AddGrowthSimulator(configuration.GetSection("Simulation")).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<GrowthSimulationOptions>>().Value;
        var simulator = provider.GetRequiredService<GrowthSimulator>();

        Assert.Equal((12, SimulationDraws.Expected, 5_000m), (options.Months, options.Draws, options.MonthlyBudget));
        Assert.Equal(Rate.FromPercent(25), options.FanConversion);
        Assert.Equal(Rate.FromFraction(0.8m), options.ReferralCoefficient);
        Assert.Equal<Rate>([Rate.FromPercent(20)], ((LevelRatePayout)simulator.Payout).LevelRates);
        Assert.Equal(Rate.FromPercent(25), simulator.Payout.PayoutCap);
        Assert.Equal(12, simulator.Run().Months.Length);
        Assert.Same(simulator, provider.GetRequiredService<GrowthSimulator>());
    }

    [Fact]
    public void A_registered_payout_model_is_used()
    {
        var payout = new LevelRatePayout([Rate.FromPercent(1)]);
        using var provider = new ServiceCollection()
            .AddSingleton<ICommissionPayout>(payout)
            .AddGrowthSimulator(o => o.Months = 6)
            .BuildServiceProvider();

        var simulator = provider.GetRequiredService<GrowthSimulator>();

        Assert.Same(payout, simulator.Payout);
        Assert.Equal<Rate>([Rate.FromPercent(10), Rate.FromPercent(5), Rate.FromPercent(3)], GrowthSimulationOptions.DefaultLevelRates);
    }

    [Fact]
    public void Invalid_options_fail_at_start_up()
    {
        using var provider = new ServiceCollection().AddGrowthSimulator(o => o.RenewalRate = Rate.FromPercent(150)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("RenewalRate is 150", Assert.Single(error.Failures), StringComparison.Ordinal); // set in code: relative to the options
    }

    [Fact]
    public void Failures_name_the_settings_under_the_section_actually_bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Community:Simulation:Months"] = "0",
            ["Community:Simulation:KaFee"] = "1000",
        }).Build();
        using var provider = new ServiceCollection().AddGrowthSimulator(configuration.GetSection("Community:Simulation")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Community:Simulation:Months is 0; it must be between 1 and 120.",
                "Community:Simulation:KaFee 1000 is below VipFee 3600; an upgrade pays the difference, which cannot be negative.",
            ],
            error.Failures);
    }

    [Fact]
    public void A_rate_that_does_not_parse_names_its_path_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulation:LevelRates:0"] = "ten percent",
        }).Build();
        using var provider = new ServiceCollection().AddGrowthSimulator(configuration.GetSection("Simulation")).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Simulation:LevelRates:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => services.AddGrowthSimulator((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddGrowthSimulator((Action<GrowthSimulationOptions>)null!));
    }
}
