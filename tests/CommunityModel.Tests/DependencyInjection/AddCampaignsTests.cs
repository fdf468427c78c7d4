using CommunityModel.Campaigns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.DependencyInjection;

public class AddCampaignsTests
{
    private static IConfiguration Community(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Community");

    [Fact]
    public void A_campaigns_section_binds_the_rules_of_the_plays()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Community(new()
            {
                ["Community:Campaigns:TimeZone"] = "Asia/Shanghai",
                ["Community:Campaigns:BootcampMinSessions"] = "2",
                ["Community:Campaigns:BootcampMaxSessions"] = "4",
                ["Community:Campaigns:ConversionWindow"] = "30.00:00:00",
                ["Community:Campaigns:FollowUpEndsAt"] = "23:30",
                ["Community:Campaigns:GroupBuyMinTarget"] = "3",
                ["Community:Campaigns:FlashGroupMaxLifetime"] = "3.00:00:00",
                ["Community:Campaigns:AllowSimulatedCompletion"] = "true",
            }))
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var o = provider.GetRequiredService<IOptions<CampaignOptions>>().Value;

        Assert.Equal((2, 4, TimeSpan.FromDays(30), new TimeOnly(23, 30), 3, TimeSpan.FromDays(3), true),
            (o.BootcampMinSessions, o.BootcampMaxSessions, o.ConversionWindow, o.FollowUpEndsAt, o.GroupBuyMinTarget, o.FlashGroupMaxLifetime, o.AllowSimulatedCompletion));
    }

    [Fact]
    public void Bad_or_misspelt_settings_stop_start_up_naming_each_setting_under_its_section()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Community(new()
            {
                ["Community:Campaigns:TimeZone"] = "Mars/Olympus",
                ["Community:Campaigns:BootcampMinSessions"] = "3",
                ["Community:Campaigns:BootcampMaxSessions"] = "2",
                ["Community:Campaigns:FollowUpEndsAt"] = "midnight",
                ["Community:Campaigns:GroupBuyTarget"] = "3",
            }))
            .BuildServiceProvider();

        var failures = StartUpFailures(provider);

        Assert.Contains(failures, f => f.StartsWith("Community:Campaigns:TimeZone 'Mars/Olympus' is not a known time zone", StringComparison.Ordinal));
        Assert.Contains("Community:Campaigns:BootcampMaxSessions is 2, below BootcampMinSessions 3.", failures);
        Assert.Contains(failures, f => f.StartsWith("Community:Campaigns:FollowUpEndsAt is 'midnight'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Community:Campaigns:GroupBuyTarget", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_set_in_code_are_validated_at_start_up_too()
    {
        using var provider = new ServiceCollection()
            .AddCampaigns(o => o.GroupBuyMinTarget = 1)
            .BuildServiceProvider();

        Assert.Equal("GroupBuyMinTarget is 1; a group buy needs at least two participants.", Assert.Single(StartUpFailures(provider)));
    }

    private static string[] StartUpFailures(ServiceProvider provider)
    {
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var errors = error is AggregateException all ? all.InnerExceptions : [error];
        return [.. errors.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
    }
}
