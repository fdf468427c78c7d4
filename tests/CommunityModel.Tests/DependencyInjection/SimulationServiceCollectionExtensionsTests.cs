using CommunityModel.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.DependencyInjection;

public class SimulationServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulation:Months"] = "2",
            ["Simulation:LeadsPerMonth"] = "50",
            ["Simulation:TrafficCostElasticity"] = "1.5",
            ["Simulation:LeadProductRate"] = "25%",
            ["Simulation:ReferralRate"] = "8%",
        }).Build();
        using var provider = new ServiceCollection().AddGrowthSimulator(configuration.GetSection("Simulation")).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<GrowthSimulationOptions>>().Value;
        var simulator = provider.GetRequiredService<GrowthSimulator>();

        Assert.Equal((2, 50, 1.5m), (options.Months, options.LeadsPerMonth, options.TrafficCostElasticity));
        Assert.Equal(Rate.FromPercent(25), options.LeadProductRate);
        Assert.Equal(Rate.FromFraction(0.08m), simulator.Assumptions.ReferralRate);
        Assert.Equal(2, simulator.Run().Months.Length);
        Assert.Same(simulator, provider.GetRequiredService<GrowthSimulator>());
    }

    [Fact]
    public void A_registered_community_factory_is_used()
    {
        var factory = new CommunityModel.Tests.Simulation.SimulationSetups.KeepingFactory();
        using var provider = new ServiceCollection()
            .AddSingleton<ISimulationCommunityFactory>(factory)
            .AddGrowthSimulator(o => (o.Months, o.LeadsPerMonth) = (1, 3))
            .BuildServiceProvider();

        provider.GetRequiredService<GrowthSimulator>().Run();

        Assert.NotNull(factory.Last);
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
            ["Community:Simulation:ReferenceLeads"] = "0",
        }).Build();
        using var provider = new ServiceCollection().AddGrowthSimulator(configuration.GetSection("Community:Simulation")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Community:Simulation:Months is 0; it must be between 1 and 120.",
                "Community:Simulation:ReferenceLeads is 0; it must be at least 1.",
            ],
            error.Failures);
    }

    [Fact]
    public void A_rate_that_does_not_parse_names_its_path_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulation:RefundRate"] = "ten percent",
        }).Build();
        using var provider = new ServiceCollection().AddGrowthSimulator(configuration.GetSection("Simulation")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Simulation:RefundRate is 'ten percent', which is not a rate with its unit, e.g. '10%' or '1.5‰'."], error.Failures);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => services.AddGrowthSimulator((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddGrowthSimulator((Action<GrowthSimulationOptions>)null!));
    }
}
