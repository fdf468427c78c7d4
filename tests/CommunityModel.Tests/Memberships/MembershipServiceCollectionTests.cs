using CommunityModel.Catalog;
using CommunityModel.DependencyInjection;
using CommunityModel.Memberships;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

public class MembershipServiceCollectionTests
{
    [Fact]
    public void The_seed_preset_registers_in_code_and_the_desk_uses_the_registered_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddCatalog(c => c.UseSeedBusiness())
            .AddMemberships(p => p.UseSeedBusiness())
            .BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var desk = provider.GetRequiredService<MembershipDesk>();

        Assert.Same(provider.GetRequiredService<MembershipPlan>(), desk.Plan);
        Assert.Equal(new DateOnly(2027, 3, 1), desk.Purchase(1, SeedBusiness.Vip).Membership.PaidThrough);
    }

    [Fact]
    public void Without_a_registered_clock_the_system_clock_is_used()
    {
        using var provider = new ServiceCollection().AddCatalog(c => c.UseSeedBusiness()).AddMemberships(p => p.UseSeedBusiness()).BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Catalog_and_plan_bind_from_configuration()
    {
        using var provider = new ServiceCollection()
            .AddCatalog(Section("Catalog"))
            .AddMemberships(Section("Memberships"))
            .BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var plan = provider.GetRequiredService<MembershipPlan>();

        Assert.Equal((Money.Cny(3600m), 1), (plan["vip"].Price, plan["vip"].Entitlements.Single().Quantity));
        Assert.Equal(LadderTier.HighTicket, provider.GetRequiredService<ProductCatalog>()["offline-2d1n"].Tier);
    }

    [Fact]
    public void An_unknown_time_zone_and_a_bad_catalog_stop_start_up_with_every_problem_named()
    {
        using var provider = new ServiceCollection()
            .AddCatalog(c => c.AddProduct("a", "A", ProductKind.Other, Money.Cny(-1m), LadderTier.Entry))
            .AddMemberships(p => p.WithTimeZone("Nowhere/Atlantis"))
            .BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var messages = string.Join(" ", error.InnerExceptions.Select(e => e.Message));
        Assert.Contains("'a' has a negative price", messages, StringComparison.Ordinal);
        Assert.Contains("catalog is invalid", messages, StringComparison.Ordinal);
        Assert.Equal(2, error.InnerExceptions.Count);
    }

    [Fact]
    public void A_plan_problem_alone_stops_start_up()
    {
        using var provider = new ServiceCollection()
            .AddCatalog(c => c.UseSeedBusiness())
            .AddMemberships(p => p.UseSeedBusiness().WithTimeZone("Nowhere/Atlantis"))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'Nowhere/Atlantis' is not known", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("TimeZone 'Nowhere/Atlantis' is not known", Assert.Single(error.Failures), StringComparison.Ordinal); // set in code: relative to the options
    }

    [Fact]
    public void Plan_problems_name_their_setting_under_the_section_actually_bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Community:Memberships:TimeZone"] = "Mars/Base",
            ["Community:Memberships:CoolingOffDays"] = "seven",
            ["Community:Memberships:Tiers:0:Id"] = "vip",
            ["Community:Memberships:Tiers:0:Price"] = "3600.00 CNY",
            ["Community:Memberships:Tiers:0:Entitlements:0:ProductId"] = "no-such-course",
        }).Build();
        using var provider = new ServiceCollection()
            .AddCatalog(c => c.UseSeedBusiness())
            .AddMemberships(configuration.GetSection("Community:Memberships"))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = error.Failures.ToArray();
        Assert.Equal(3, failures.Length);
        Assert.StartsWith("Community:Memberships:CoolingOffDays is 'seven'", failures[0], StringComparison.Ordinal); // read by the reader, named once
        Assert.Equal("Community:Memberships:TimeZone 'Mars/Base' is not known on this system; use an IANA id such as 'Asia/Shanghai'.", failures[1]);
        Assert.Equal("Community:Memberships:Tiers:0 ('vip') has an entitlement to product 'no-such-course', which is not in the catalog.", failures[2]);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => services.AddCatalog((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddCatalog((Action<CatalogBuilder>)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddMemberships((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddMemberships((Action<MembershipPlanBuilder>)null!));
    }

    private static IConfigurationSection Section(string name)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Catalog:PriceBands:EntryFrom"] = "50.00 CNY",
            ["Catalog:PriceBands:HighTicketFrom"] = "1000.00 CNY",
            ["Catalog:PriceBands:PremiumFrom"] = "10000.00 CNY",
            ["Catalog:Products:0:Id"] = "offline-2d1n",
            ["Catalog:Products:0:Kind"] = "OfflineCourse",
            ["Catalog:Products:0:Price"] = "2980.00 CNY",
            ["Memberships:TimeZone"] = "Asia/Shanghai",
            ["Memberships:Tiers:0:Id"] = "vip",
            ["Memberships:Tiers:0:Price"] = "3600.00 CNY",
            ["Memberships:Tiers:0:Entitlements:0:ProductId"] = "offline-2d1n",
            ["Memberships:Tiers:0:Entitlements:0:Quantity"] = "1",
        }).Build();
        return configuration.GetSection(name);
    }
}
