namespace CommunityModel.Catalog;

/// <summary>Defines a catalog in code; <see cref="Build"/> checks it with the same rules as configuration.</summary>
public sealed class CatalogBuilder
{
    /// <summary>Starts an empty catalog.</summary>
    public CatalogBuilder()
        : this(new CatalogOptions())
    {
    }

    internal CatalogBuilder(CatalogOptions options) => Options = options;

    internal CatalogOptions Options { get; }

    /// <summary>Adds a product.</summary>
    /// <param name="id">The unique id.</param>
    /// <param name="name">A display name.</param>
    /// <param name="kind">What the product is.</param>
    /// <param name="price">The standalone price.</param>
    /// <param name="tier">The ladder rung; derived from the price bands when null.</param>
    /// <returns>This builder.</returns>
    public CatalogBuilder AddProduct(string id, string name, ProductKind kind, Money price, LadderTier? tier = null)
    {
        Options.Products.Add(new ProductOptions { Id = id, Name = name, Kind = kind, Price = price, Tier = tier });
        return this;
    }

    /// <summary>Adds an offline course lasting some days and nights (e.g. 2天1夜).</summary>
    /// <param name="id">The unique id.</param>
    /// <param name="name">A display name.</param>
    /// <param name="price">The standalone price.</param>
    /// <param name="days">How many days the course lasts.</param>
    /// <param name="nights">How many nights the course lasts.</param>
    /// <param name="tier">The ladder rung; derived from the price bands when null.</param>
    /// <returns>This builder.</returns>
    public CatalogBuilder AddOfflineCourse(string id, string name, Money price, int days, int nights, LadderTier? tier = null)
    {
        Options.Products.Add(new ProductOptions { Id = id, Name = name, Kind = ProductKind.OfflineCourse, Price = price, Tier = tier, Days = days, Nights = nights });
        return this;
    }

    /// <summary>Sets the price bands that derive the ladder rung of products added without one.</summary>
    /// <param name="entryFrom">The lowest price of an entry product.</param>
    /// <param name="highTicketFrom">The lowest price of a high-ticket product.</param>
    /// <param name="premiumFrom">The lowest price of a premium product.</param>
    /// <returns>This builder.</returns>
    public CatalogBuilder WithPriceBands(Money entryFrom, Money highTicketFrom, Money premiumFrom)
    {
        Options.PriceBands = new PriceBandOptions { EntryFrom = entryFrom, HighTicketFrom = highTicketFrom, PremiumFrom = premiumFrom };
        return this;
    }

    /// <summary>Adds the seed business's products and price bands (see <see cref="Memberships.SeedBusiness"/>).</summary>
    /// <returns>This builder.</returns>
    public CatalogBuilder UseSeedBusiness()
    {
        Memberships.SeedBusiness.AddProducts(this);
        return this;
    }

    /// <summary>Creates the catalog.</summary>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogException">The definition is invalid; every problem is named.</exception>
    public ProductCatalog Build() => ProductCatalog.Create(Options);
}
