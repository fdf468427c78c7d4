using CommunityModel.Catalog;
using CommunityModel.Memberships;
using Microsoft.Extensions.Configuration;

namespace CommunityModel.Tests.Catalog;

public class ProductCatalogTests
{
    [Fact]
    public void The_seed_ladder_lists_every_rung_in_order_with_its_products_cheapest_first()
    {
        var catalog = SeedBusiness.CreateCatalog();

        Assert.Equal([LadderTier.LeadMagnet, LadderTier.Entry, LadderTier.HighTicket, LadderTier.Premium], catalog.Ladder.Select(s => s.Tier));
        Assert.Equal([SeedBusiness.TrialClass], catalog.Ladder[0].Products.Select(p => p.Id));
        Assert.Equal([SeedBusiness.Bootcamp, SeedBusiness.GiftPack], catalog.Ladder[1].Products.Select(p => p.Id));
        Assert.Equal([SeedBusiness.CommunityService, SeedBusiness.OnlineCourses, SeedBusiness.OfflineCourse], catalog.Ladder[2].Products.Select(p => p.Id));
        Assert.Equal([SeedBusiness.BackEndCapital, SeedBusiness.BackEndOperations, SeedBusiness.PrivateBoard, SeedBusiness.PartnerPackage], catalog.Ladder[3].Products.Select(p => p.Id));
        Assert.Equal(Currency.CNY, catalog.Currency);
    }

    [Fact]
    public void An_offline_course_keeps_its_days_and_nights()
    {
        var course = SeedBusiness.CreateCatalog()[SeedBusiness.OfflineCourse];

        Assert.Equal((ProductKind.OfflineCourse, 2, 1, Money.Cny(2980m)), (course.Kind, course.Days, course.Nights, course.Price));
    }

    [Theory]
    [InlineData("0.00", LadderTier.LeadMagnet)]
    [InlineData("49.99", LadderTier.LeadMagnet)]
    [InlineData("50.00", LadderTier.Entry)]
    [InlineData("999.99", LadderTier.Entry)]
    [InlineData("1000.00", LadderTier.HighTicket)]
    [InlineData("10000.00", LadderTier.Premium)]
    public void Price_bands_derive_the_rung_with_inclusive_lower_bounds(string price, LadderTier expected)
    {
        var catalog = Banded().AddProduct("p", "P", ProductKind.Other, Money.Cny(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture))).Build();

        Assert.Equal(expected, catalog["p"].Tier);
    }

    [Fact]
    public void An_assigned_rung_wins_over_the_bands()
    {
        var catalog = Banded().AddProduct("vip-trial", "VIP trial", ProductKind.OnlineCourse, Money.Cny(1m), LadderTier.Entry).Build();

        Assert.Equal(LadderTier.Entry, catalog["vip-trial"].Tier);
    }

    [Fact]
    public void Every_problem_of_a_bad_catalog_is_named_at_once()
    {
        var builder = new CatalogBuilder()
            .AddProduct("a", "A", ProductKind.Other, Money.Cny(10m), LadderTier.Entry)
            .AddProduct("a", "A again", ProductKind.Other, Money.Cny(20m), LadderTier.Entry)
            .AddProduct("b", "B", ProductKind.Other, Money.Cny(-1m), LadderTier.Entry)
            .AddProduct("c", "C", ProductKind.Other, Money.Usd(5m), LadderTier.Entry)
            .AddProduct("d", "D", ProductKind.Other, Money.Cny(5m));

        var error = Assert.Throws<CatalogException>(builder.Build);

        Assert.Equal(ErrorCodes.InvalidCatalog, error.ErrorCode);
        Assert.Equal(4, error.Problems.Length);
        Assert.Contains(error.Problems, p => p.StartsWith("Products:1 ('a') is defined more than once", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Products:2 ('b') has a negative price", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Products:3 ('c') is priced in USD", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Products:4 ('d') has no ladder tier", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_catalog_products_without_id_or_price_and_bad_bands_are_errors()
    {
        Assert.Contains("Products is empty: the catalog has no products", Assert.Throws<CatalogException>(() => new CatalogBuilder().Build()).Message, StringComparison.Ordinal);

        var options = new CatalogOptions { PriceBands = new PriceBandOptions { EntryFrom = Money.Cny(100m), HighTicketFrom = Money.Cny(50m), PremiumFrom = Money.Cny(200m) } };
        options.Products.Add(new ProductOptions { Id = "", Price = Money.Cny(1m) });
        options.Products.Add(new ProductOptions { Id = "free" });
        options.Products.Add(new ProductOptions { Id = "camp", Price = Money.Cny(1m), Days = -1 });

        var problems = ProductCatalog.TryCreate(options, out var catalog);

        Assert.Null(catalog);
        Assert.Contains(problems, p => p.StartsWith("PriceBands must rise", StringComparison.Ordinal));
        Assert.Contains("Products:0 has no id.", problems);
        Assert.Contains("Products:1 ('free') has no price.", problems);
        Assert.Contains("Products:2 ('camp') has a negative number of days or nights.", problems);
    }

    [Fact]
    public void Bands_in_another_currency_are_an_error()
    {
        var builder = new CatalogBuilder()
            .AddProduct("p", "P", ProductKind.Other, Money.Cny(10m))
            .WithPriceBands(Money.Usd(1m), Money.Usd(2m), Money.Usd(3m));

        Assert.Contains("PriceBands are not in the catalog's currency CNY", Assert.Throws<CatalogException>(builder.Build).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Looking_up_an_unknown_product_names_it()
    {
        var catalog = SeedBusiness.CreateCatalog();

        var error = Assert.Throws<UnknownProductException>(() => catalog["mba"]);

        Assert.Equal((ErrorCodes.UnknownProduct, "mba"), (error.ErrorCode, error.ProductId));
        Assert.False(catalog.TryGetProduct("mba", out _));
    }

    [Fact]
    public void A_catalog_binds_from_configuration_and_the_validator_applies_the_same_rules()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Catalog:PriceBands:EntryFrom"] = "50.00 CNY",
            ["Catalog:PriceBands:HighTicketFrom"] = "1000.00 CNY",
            ["Catalog:PriceBands:PremiumFrom"] = "10000.00 CNY",
            ["Catalog:Products:0:Id"] = "offline-2d1n",
            ["Catalog:Products:0:Kind"] = "OfflineCourse",
            ["Catalog:Products:0:Price"] = "2980.00 CNY",
            ["Catalog:Products:0:Days"] = "2",
            ["Catalog:Products:0:Nights"] = "1",
            ["Catalog:Products:1:Id"] = "offline-2d1n",
            ["Catalog:Products:1:Price"] = "1.00 CNY",
        }).Build();
        var options = new CatalogOptions();
        CommunityModel.DependencyInjection.MembershipConfigurationReader.Read(configuration.GetSection("Catalog"), options);

        var result = new CatalogOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(["Products:1 ('offline-2d1n') is defined more than once; product ids must be unique."], result.Failures); // relative to the options
        Assert.Equal(
            ["Catalog:Products:1 ('offline-2d1n') is defined more than once; product ids must be unique."],
            new CatalogOptionsValidator("Catalog").Validate(null, options).Failures);
        options.Products.RemoveAt(1);
        Assert.True(new CatalogOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(LadderTier.HighTicket, ProductCatalog.Create(options)["offline-2d1n"].Tier);
        Assert.Equal("offline-2d1n", ProductCatalog.Create(options)["offline-2d1n"].Name);
    }

    [Fact]
    public void Text_that_is_not_a_price_kind_or_number_is_a_validation_problem_naming_its_path()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Catalog:Products:0:Id"] = "a",
            ["Catalog:Products:0:Price"] = "3600.005 CNY",
            ["Catalog:Products:0:Kind"] = "Webinar",
            ["Catalog:Products:0:Tier"] = "Entry",
            ["Catalog:Products:0:Days"] = "two",
        }).Build();
        var options = new CatalogOptions();
        CommunityModel.DependencyInjection.MembershipConfigurationReader.Read(configuration.GetSection("Catalog"), options);

        var problems = ProductCatalog.TryCreate(options, out _);

        Assert.Contains(problems, p => p.StartsWith("Catalog:Products:0:Price is '3600.005 CNY', which is not an amount with its currency", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Catalog:Products:0:Kind is 'Webinar', which is not one of OnlineCourse", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Catalog:Products:0:Days is 'two', which is not a whole number", StringComparison.Ordinal));
    }

    private static CatalogBuilder Banded() =>
        new CatalogBuilder().WithPriceBands(Money.Cny(50m), Money.Cny(1000m), Money.Cny(10000m));
}
