using CommunityModel.Credits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.DependencyInjection;

public class AddReferralCreditsTests
{
    private static IConfiguration Community(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(values)
        {
            ["Community:Catalog:Products:0:Id"] = "bootcamp",
            ["Community:Catalog:Products:0:Price"] = "199.00 CNY",
            ["Community:Catalog:Products:0:Tier"] = "Entry",
        }).Build().GetSection("Community");

    [Fact]
    public void A_credits_section_gives_the_community_its_referral_credits()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Community(new()
            {
                ["Community:Credits:PerReferral"] = "100",
                ["Community:Credits:PurchaseRate"] = "10%",
                ["Community:Credits:ExpireAfterDays"] = "365",
                ["Community:Credits:Prices:bootcamp"] = "800",
            }))
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var credits = provider.GetRequiredService<CommunityModel.Community>().Credits;

        Assert.NotNull(credits);
        Assert.Equal((100L, Rate.FromPercent(10), 365, 800L), (credits.Options.PerReferral, credits.Options.PurchaseRate, credits.Options.ExpireAfterDays, credits.PriceOf("bootcamp")));
    }

    [Fact]
    public void Without_a_credits_section_the_community_keeps_no_credits()
    {
        using var provider = new ServiceCollection().AddCommunityModel(Community([])).BuildServiceProvider();

        Assert.Null(provider.GetRequiredService<CommunityModel.Community>().Credits);
    }

    [Fact]
    public void Bad_credit_settings_fail_at_start_up_naming_each_setting_under_its_section()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Community(new()
            {
                ["Community:Credits:PerReferral"] = "-5",
                ["Community:Credits:Prices:bootcamp"] = "0",
                ["Community:Credits:Prices:massage"] = "10",
                ["Community:Credits:PurchaseRate"] = "ten",
            }))
            .BuildServiceProvider();

        var failures = StartUpFailures(provider);
        Assert.Contains("Community:Credits:PerReferral is -5; it must be zero or positive and at most 1000000000000 credits.", failures);
        Assert.Contains("Community:Credits:Prices:bootcamp is 0; it must be positive and at most 1000000000000 credits.", failures);
        Assert.Contains(failures, f => f.StartsWith("Community:Credits:PurchaseRate", StringComparison.Ordinal) && f.Contains("'ten'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Community:Credits:Prices:massage names 'massage', which is neither a membership tier nor a catalog product (bootcamp)", StringComparison.Ordinal));
    }

    [Fact]
    public void Credits_set_in_code_are_validated_at_start_up_too()
    {
        using var provider = new ServiceCollection()
            .AddReferralCredits(o => o.PerPurchase = -1)
            .BuildServiceProvider();

        Assert.Equal("PerPurchase is -1; it must be zero or positive and at most 1000000000000 credits.", Assert.Single(StartUpFailures(provider)));
    }

    private static string[] StartUpFailures(ServiceProvider provider)
    {
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var errors = error is AggregateException all ? all.InnerExceptions : [error];
        return [.. errors.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
    }
}
