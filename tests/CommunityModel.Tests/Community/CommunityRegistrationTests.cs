using CommunityModel.Memberships;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.Community;

public class CommunityRegistrationTests
{
    [Fact]
    public void AddCommunityModel_registers_the_community_over_the_configured_parts()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Configuration(new() { ["Community:Rules:PromoterTiers:0"] = "KA" }))
            .BuildServiceProvider();

        var community = provider.GetRequiredService<CommunityModel.Community>();

        Assert.NotNull(community.Desk);
        Assert.NotNull(community.Catalog);
        Assert.Null(community.Commissions);
        Assert.Equal(["KA"], community.Options.PromoterTiers);
    }

    [Fact]
    public void Rules_that_do_not_fit_the_membership_plan_fail_at_start_up_naming_the_setting()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Configuration(new()
            {
                ["Community:Rules:PromoterTiers:0"] = "SVIP",
                ["Community:Rules:PromoterSpendingThreshold"] = "500.00 USD",
            }))
            .BuildServiceProvider();

        var failures = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate()).Failures.ToArray();

        Assert.Contains(failures, f => f.StartsWith("Community:Rules:PromoterTiers names 'SVIP', which is not a membership tier (VIP, KA)", StringComparison.Ordinal));
        Assert.Contains("Community:Rules:PromoterSpendingThreshold is $500.00; it must be a positive amount in CNY.", failures);
    }

    [Fact]
    public void A_threshold_that_is_not_an_amount_fails_at_start_up()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Configuration(new() { ["Community:Rules:PromoterSpendingThreshold"] = "lots" }))
            .BuildServiceProvider();

        var failure = Assert.Single(Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate()).Failures);

        Assert.StartsWith("Community:Rules:PromoterSpendingThreshold", failure, StringComparison.Ordinal);
        Assert.Contains("'lots'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_community_built_in_code_with_rules_that_do_not_fit_is_refused()
    {
        var error = Assert.Throws<CommunityException>(() => TestCommunity.Create(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), new CommunityOptions { PromoterTiers = ["SVIP"] }));

        Assert.Equal(ErrorCodes.CommunityInvalidOptions, error.ErrorCode);
        Assert.Contains("'SVIP'", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Community:Catalog:Products:0:Id"] = "online-courses",
            ["Community:Catalog:Products:0:Name"] = "Online courses",
            ["Community:Catalog:Products:0:Kind"] = "OnlineCourse",
            ["Community:Catalog:Products:0:Price"] = "1980.00 CNY",
            ["Community:Catalog:Products:0:Tier"] = "HighTicket",
            ["Community:Memberships:Tiers:0:Id"] = "VIP",
            ["Community:Memberships:Tiers:0:Name"] = "VIP",
            ["Community:Memberships:Tiers:0:Price"] = "3600.00 CNY",
            ["Community:Memberships:Tiers:0:Entitlements:0:ProductId"] = "online-courses",
            ["Community:Memberships:Tiers:1:Id"] = "KA",
            ["Community:Memberships:Tiers:1:Name"] = "KA",
            ["Community:Memberships:Tiers:1:Price"] = "120000.00 CNY",
            ["Community:Memberships:Tiers:1:Includes"] = "VIP",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Community");
    }
}
