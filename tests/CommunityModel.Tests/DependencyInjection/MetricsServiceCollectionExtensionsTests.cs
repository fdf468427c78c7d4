using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.DependencyInjection;

public class MetricsServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:TimeZone"] = "Asia/Hong_Kong",
            ["Metrics:FirstDayOfWeek"] = "Sunday",
            ["Metrics:ConversionWindowDays"] = "14",
            ["Metrics:ActivationSignal"] = "StageReached",
            ["Metrics:ActivationStage"] = "Fan",
            ["Metrics:FunnelStages:0"] = "Fan",
            ["Metrics:FunnelStages:1"] = "Member",
        }).Build();
        using var provider = new ServiceCollection().AddCommunityMetrics(configuration.GetSection("Metrics")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var metrics = provider.GetRequiredService<CommunityMetrics>();

        Assert.Equal("Asia/Hong_Kong", metrics.TimeZone.Id);
        Assert.Equal(DayOfWeek.Sunday, options.FirstDayOfWeek);
        Assert.Equal(14, options.ConversionWindowDays);
        Assert.Equal(ActivationSignal.StageReached, options.ActivationSignal);
        Assert.Equal(LifecycleStage.Fan, options.ActivationStage);
        Assert.Equal<LifecycleStage>([LifecycleStage.Fan, LifecycleStage.Member], options.FunnelStages);
        Assert.Same(metrics, provider.GetRequiredService<CommunityMetrics>());
    }

    [Fact]
    public void The_gross_margin_binds_from_configuration_and_a_margin_that_is_not_a_rate_fails_at_start_up()
    {
        var good = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Metrics:GrossMargin"] = "60%" }).Build();
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Metrics:GrossMargin"] = "most" }).Build();
        using var bound = new ServiceCollection().AddCommunityMetrics(good.GetSection("Metrics")).BuildServiceProvider();
        using var refused = new ServiceCollection().AddCommunityMetrics(bad.GetSection("Metrics")).BuildServiceProvider();

        Assert.Equal(Rate.FromPercent(60m), bound.GetRequiredService<IOptions<MetricsOptions>>().Value.GrossMargin);
        var failure = Assert.Single(Assert.Throws<OptionsValidationException>(() => refused.GetRequiredService<IStartupValidator>().Validate()).Failures);
        Assert.StartsWith("Metrics:GrossMargin", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_and_code_configuration_register_the_metrics()
    {
        using var defaults = new ServiceCollection().AddCommunityMetrics().BuildServiceProvider();
        using var coded = new ServiceCollection().AddCommunityMetrics(o => o.Currency = "HKD").BuildServiceProvider();

        Assert.Equal("Asia/Shanghai", defaults.GetRequiredService<CommunityMetrics>().TimeZone.Id);
        Assert.Equal(Currency.HKD, coded.GetRequiredService<CommunityMetrics>().Currency);
    }

    [Fact]
    public void Invalid_options_fail_at_start_up()
    {
        using var provider = new ServiceCollection().AddCommunityMetrics(o => o.TimeZone = "Mars/Olympus").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("TimeZone is 'Mars/Olympus'", Assert.Single(error.Failures), StringComparison.Ordinal); // set in code: relative to the options
    }

    [Fact]
    public void Failures_name_the_settings_under_the_section_actually_bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Community:Metrics:TimeZone"] = "Mars/Olympus",
            ["Community:Metrics:ConversionWindowDays"] = "0",
        }).Build();
        using var provider = new ServiceCollection().AddCommunityMetrics(configuration.GetSection("Community:Metrics")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Community:Metrics:TimeZone is 'Mars/Olympus'; it must be a time zone id this system knows, e.g. 'Asia/Shanghai'.",
                "Community:Metrics:ConversionWindowDays is 0; it must be between 1 and 3660 days.",
            ],
            error.Failures);
    }
}
