namespace CommunityModel.Catalog;

/// <summary>A product as configuration data, e.g. one element of <c>Catalog:Products</c> in <c>appsettings.json</c>.</summary>
public sealed class ProductOptions
{
    /// <summary>The stable id, unique in the catalog.</summary>
    public string Id { get; set; } = "";

    /// <summary>A display name; the id when empty.</summary>
    public string? Name { get; set; }

    /// <summary>What the product is.</summary>
    public ProductKind Kind { get; set; } = ProductKind.Other;

    /// <summary>The standalone price, e.g. <c>"2980.00 CNY"</c>.</summary>
    public Money Price { get; set; }

    /// <summary>The ladder rung; when null it is derived from the catalog's <see cref="CatalogOptions.PriceBands"/>.</summary>
    public LadderTier? Tier { get; set; }

    /// <summary>For an offline course, how many days it lasts.</summary>
    public int Days { get; set; }

    /// <summary>For an offline course, how many nights it lasts.</summary>
    public int Nights { get; set; }
}
