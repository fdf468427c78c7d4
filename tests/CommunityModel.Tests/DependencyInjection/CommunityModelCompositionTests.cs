using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Referrals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.DependencyInjection;

/// <summary>AddCommunityModel composes every capability of the core package, from configuration or in code.</summary>
public class CommunityModelCompositionTests
{
    private static IConfiguration Community(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Community");

    [Fact]
    public void One_call_registers_lifecycles_referrals_and_metrics_with_their_sections()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Community(new()
            {
                ["Community:Referrals:Mode"] = nameof(ReferralBindingMode.LatestReferralOverrides),
                ["Community:Metrics:Currency"] = "HKD",
                ["Community:Metrics:TimeZone"] = "Asia/Hong_Kong",
            }))
            .BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<ValueChain>());
        Assert.Equal(ReferralBindingMode.LatestReferralOverrides, provider.GetRequiredService<IOptions<ReferralOptions>>().Value.Mode);
        Assert.NotNull(provider.GetRequiredService<ReferralNetwork>());
        Assert.Equal(Currency.HKD, provider.GetRequiredService<CommunityMetrics>().Currency);
        Assert.Null(provider.GetService<ProductCatalog>());
        Assert.Null(provider.GetService<MembershipDesk>());
    }

    [Fact]
    public void A_bad_value_in_any_section_fails_at_start_up_naming_it()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Community(new() { ["Community:Metrics:TimeZone"] = "Mars/Olympus_Mons" }))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MetricsOptions>>().Value);
        Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_code_the_builder_adds_the_seed_catalog_and_memberships()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(community => community
                .ConfigureReferrals(o => o.Mode = ReferralBindingMode.AtRegistrationOnly)
                .ConfigureMetrics(o => o.Currency = "CNY")
                .UseCatalog(c => c.UseSeedBusiness())
                .UseMemberships(m => m.UseSeedBusiness()))
            .BuildServiceProvider();

        var plan = provider.GetRequiredService<MembershipPlan>();
        Assert.Contains(plan.Tiers, t => t.Price == Money.Cny(3600m));
        Assert.Contains(plan.Tiers, t => t.Price == Money.Cny(120_000m));
        Assert.NotNull(provider.GetRequiredService<MembershipDesk>());
        Assert.Equal(ReferralBindingMode.AtRegistrationOnly, provider.GetRequiredService<IOptions<ReferralOptions>>().Value.Mode);
        Assert.NotNull(provider.GetRequiredService<ValueChain>());
    }
}
