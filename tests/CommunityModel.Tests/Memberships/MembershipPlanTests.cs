using CommunityModel.Catalog;
using CommunityModel.Memberships;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.Memberships;

public class MembershipPlanTests
{
    private static readonly MembershipPlan Seed = SeedBusiness.CreatePlan();

    [Fact]
    public void Vip_quote_from_the_seed_3600_against_6160_a_la_carte()
    {
        var quote = Seed[SeedBusiness.Vip].Quote();

        Assert.Equal(new TierQuote("vip", Money.Cny(3600m), Money.Cny(6160m), Money.Cny(2560m), Rate.Of(256_000, 616_000)), quote);
    }

    [Fact]
    public void Ka_quote_from_the_seed_120000_against_200000_a_la_carte_saves_40_percent()
    {
        var quote = Seed[SeedBusiness.Ka].Quote();

        Assert.Equal((Money.Cny(120_000m), Money.Cny(200_000m), Money.Cny(80_000m), Rate.FromPercent(40m)), (quote.Price, quote.ALaCarte, quote.Saving, quote.SavingRate));
    }

    [Fact]
    public void Ka_includes_every_vip_entitlement_first_and_then_the_back_end_courses()
    {
        var ka = Seed[SeedBusiness.Ka];

        Assert.Equal(
            [SeedBusiness.OnlineCourses, SeedBusiness.CommunityService, SeedBusiness.OfflineCourse, SeedBusiness.BackEndCapital, SeedBusiness.BackEndOperations, SeedBusiness.PrivateBoard],
            ka.Entitlements.Select(e => e.Product.Id));
        Assert.True(ka.IncludesTier(SeedBusiness.Vip));
        Assert.False(Seed[SeedBusiness.Vip].IncludesTier(SeedBusiness.Ka));
        Assert.Equal([null, null, 1, 1, 1, 1], ka.Entitlements.Select(e => e.Quantity));
    }

    [Fact]
    public void Vip_revenue_is_split_by_relative_standalone_prices_exactly_to_the_fen()
    {
        // 3,600 over 1,980 / 1,200 / 2,980: exact shares 1157.142…, 701.298…, 1741.558…;
        // the two fen left over go to the largest remainders (community service, offline course).
        var lines = Seed[SeedBusiness.Vip].AllocateRevenue(Money.Cny(3600m));

        Assert.Equal([Money.Cny(1157.14m), Money.Cny(701.30m), Money.Cny(1741.56m)], lines.Select(l => l.Allocated));
        Assert.Equal(Money.Cny(3600m), Money.Sum(lines.Select(l => l.Allocated), Currency.CNY));
        Assert.Throws<CurrencyMismatchException>(() => Seed[SeedBusiness.Vip].AllocateRevenue(Money.Usd(1m)));
    }

    [Fact]
    public void Including_a_tier_does_not_grant_a_product_twice_the_larger_quota_wins_and_unlimited_beats_a_quota()
    {
        var plan = new MembershipPlanBuilder()
            .AddTier("low", "Low", Money.Cny(100m), t => t.Entitle("a", 1).Entitle("b", 3).Entitle("c"))
            .AddTier("mid", "Mid", Money.Cny(200m), t => t.Including("low").Entitle("a", 2).Entitle("b").Entitle("c", 5))
            .AddTier("high", "High", Money.Cny(300m), t => t.Including("mid").Entitle("a", 1))
            .Build(Products());

        Assert.Equal([("a", (int?)2), ("b", null), ("c", null)], plan["high"].Entitlements.Select(e => (e.Product.Id, e.Quantity)));
        Assert.Equal(["low", "mid"], plan["high"].IncludedTiers.Order());
    }

    [Fact]
    public void Inclusion_cycles_unknown_references_and_bad_values_are_all_named()
    {
        var options = new MembershipOptions { TimeZone = "Mars/Olympus_Mons", RenewalGraceDays = -1, CoolingOffDays = -2 };
        options.Tiers.Add(Tier("x", 10m, includes: "y", ("a", 1)));
        options.Tiers.Add(Tier("y", 10m, includes: "x", ("nope", 1)));
        options.Tiers.Add(Tier("z", -1m, includes: "ghost", ("a", 0), ("a", 1)));
        options.Tiers.Add(Tier("x", 10m, includes: null));
        options.Tiers.Add(new MembershipTierOptions { Id = "w", Price = Money.Usd(1m), TermMonths = 0, ShoppingDiscount = Rate.FromPercent(150m), Includes = "w" });

        var problems = MembershipPlan.TryCreate(Products(), options, out var plan);

        Assert.Null(plan);
        string[] expected =
        [
            "TimeZone 'Mars/Olympus_Mons' is not known", "RenewalGraceDays is -1", "CoolingOffDays is -2",
            "Tiers:0 ('x') includes itself through x → y → x", "Tiers:1 ('y') includes itself through y → x → y",
            "Tiers:1 ('y') has an entitlement to product 'nope', which is not in the catalog", "Tiers:2 ('z') has a negative price", "Tiers:2 ('z') includes tier 'ghost'",
            "grants product 'a' 0 times", "lists product 'a' more than once", "Tiers:3 ('x') is defined more than once",
            "Tiers:4 ('w') is priced in USD", "term of 0 months", "shopping discount of 150%", "Tiers:4 ('w') includes itself.",
        ];
        Assert.All(expected, e => Assert.Contains(problems, p => p.Contains(e, StringComparison.Ordinal)));
        Assert.Equal(ErrorCodes.InvalidMembershipPlan, Assert.Throws<MembershipPlanException>(() => MembershipPlan.Create(Products(), options)).ErrorCode);
    }

    [Fact]
    public void A_priced_tier_with_nothing_to_allocate_over_and_an_empty_plan_are_errors()
    {
        var priced = new MembershipPlanBuilder().AddTier("t", "T", Money.Cny(1m), t => t.Entitle("free"));

        Assert.Contains("no entitlement with a standalone value", Assert.Throws<MembershipPlanException>(() => priced.Build(Products())).Message, StringComparison.Ordinal);
        Assert.Contains("no tiers", Assert.Throws<MembershipPlanException>(() => new MembershipPlanBuilder().Build(Products())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_tier_is_named()
    {
        var error = Assert.Throws<UnknownMembershipTierException>(() => Seed["gold"]);

        Assert.Equal((ErrorCodes.UnknownMembershipTier, "gold"), (error.ErrorCode, error.TierId));
    }

    [Fact]
    public void The_default_time_zone_is_shanghai_and_dates_are_counted_there()
    {
        Assert.Equal("Asia/Shanghai", Seed.TimeZone.Id);
        Assert.Equal(new DateOnly(2026, 3, 1), Seed.DateOf(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 2, 28), Seed.DateOf(new DateTimeOffset(2026, 2, 28, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void A_plan_binds_from_configuration_and_is_validated_against_the_catalog()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Memberships:TimeZone"] = "Asia/Shanghai",
            ["Memberships:CoolingOffDays"] = "14",
            ["Memberships:UpgradeTerm"] = "RestartTerm",
            ["Memberships:Tiers:0:Id"] = "vip",
            ["Memberships:Tiers:0:Price"] = "3600.00 CNY",
            ["Memberships:Tiers:0:Entitlements:0:ProductId"] = SeedBusiness.OfflineCourse,
            ["Memberships:Tiers:0:Entitlements:0:Quantity"] = "1",
            ["Memberships:Tiers:0:Entitlements:1:ProductId"] = SeedBusiness.OnlineCourses,
            ["Memberships:Tiers:1:Id"] = "ka",
            ["Memberships:Tiers:1:Price"] = "120000.00 CNY",
            ["Memberships:Tiers:1:Includes"] = "vip",
            ["Memberships:Tiers:1:Entitlements:0:ProductId"] = "mba",
            ["Memberships:Tiers:2:Id"] = "gift",
            ["Memberships:Tiers:2:Price"] = "399.00 CNY",
            ["Memberships:Tiers:2:GrantsPromotionRights"] = "true",
            ["Memberships:Tiers:2:ShoppingDiscount"] = "10%",
            ["Memberships:Tiers:2:TermMonths"] = "6",
            ["Memberships:Tiers:2:Entitlements:0:ProductId"] = SeedBusiness.GiftPack,
            ["Memberships:Tiers:2:Entitlements:0:Quantity"] = "1",
        }).Build();
        var options = new MembershipOptions();
        CommunityModel.DependencyInjection.MembershipConfigurationReader.Read(configuration.GetSection("Memberships"), options);
        var catalog = new CatalogOptions();
        new CatalogBuilder(catalog).UseSeedBusiness();
        var validator = new MembershipOptionsValidator(Options.Create(catalog), "Memberships");

        var failed = validator.Validate(null, options);
        options.Tiers[1].Entitlements.Clear();
        options.Tiers[1].Entitlements.Add(new EntitlementOptions { ProductId = SeedBusiness.PrivateBoard, Quantity = 1 });

        Assert.Contains("Memberships:Tiers:1 ('ka') has an entitlement to product 'mba'", failed.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, options).Succeeded);
        var plan = MembershipPlan.Create(ProductCatalog.Create(catalog), options);
        Assert.Equal((14, UpgradeTermPolicy.RestartTerm, 12), (plan.CoolingOffDays, plan.UpgradeTerm, plan["ka"].TermMonths));
        Assert.Equal((true, Rate.FromPercent(10m), 6), (plan["gift"].GrantsPromotionRights, plan["gift"].ShoppingDiscount, plan["gift"].TermMonths));
        Assert.Contains("catalog is invalid", new MembershipOptionsValidator(Options.Create(new CatalogOptions())).Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_policy_values_are_validation_problems()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Memberships:DayCount"] = "Banker",
            ["Memberships:RenewalGraceDays"] = "thirty",
            ["Memberships:Tiers:0:Id"] = "vip",
            ["Memberships:Tiers:0:Price"] = "3600",
            ["Memberships:Tiers:0:ShoppingDiscount"] = "lots",
            ["Memberships:Tiers:0:GrantsPromotionRights"] = "yes",
        }).Build();
        var options = new MembershipOptions();
        CommunityModel.DependencyInjection.MembershipConfigurationReader.Read(configuration.GetSection("Memberships"), options);

        var problems = MembershipPlan.TryCreate(SeedBusiness.CreateCatalog(), options, out _);

        Assert.Contains(problems, p => p.StartsWith("Memberships:RenewalGraceDays is 'thirty'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Memberships:DayCount is 'Banker', which is not one of ActualDays, WholeMonths", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Memberships:Tiers:0:Price is '3600'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Memberships:Tiers:0:ShoppingDiscount is 'lots'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Memberships:Tiers:0:GrantsPromotionRights is 'yes'", StringComparison.Ordinal));
    }

    internal static ProductCatalog Products() => new CatalogBuilder()
        .AddProduct("a", "A", ProductKind.OnlineCourse, Money.Cny(10m), LadderTier.Entry)
        .AddProduct("b", "B", ProductKind.OnlineCourse, Money.Cny(20m), LadderTier.Entry)
        .AddProduct("c", "C", ProductKind.CommunityService, Money.Cny(30m), LadderTier.Entry)
        .AddProduct("free", "Free", ProductKind.OnlineCourse, Money.Cny(0m), LadderTier.LeadMagnet)
        .Build();

    private static MembershipTierOptions Tier(string id, decimal price, string? includes, params (string Product, int? Quantity)[] entitlements)
    {
        var tier = new MembershipTierOptions { Id = id, Price = Money.Cny(price), Includes = includes };
        foreach (var (product, quantity) in entitlements)
        {
            tier.Entitlements.Add(new EntitlementOptions { ProductId = product, Quantity = quantity });
        }

        return tier;
    }
}
