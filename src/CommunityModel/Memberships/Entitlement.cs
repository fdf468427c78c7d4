using CommunityModel.Catalog;

namespace CommunityModel.Memberships;

/// <summary>An entitlement (权益) of a tier: a product and how many uses per term, or unlimited use.</summary>
/// <param name="Product">The catalog product.</param>
/// <param name="Quantity">Uses per term; null for unlimited use during the term.</param>
public sealed record Entitlement(Product Product, int? Quantity)
{
    /// <summary>Whether the entitlement may be used without limit during the term.</summary>
    public bool IsUnlimited => Quantity is null;

    /// <summary>
    /// What the entitlement would cost à la carte: the product's standalone price times the quantity;
    /// an unlimited entitlement is worth one standalone purchase (e.g. a year of community service).
    /// </summary>
    public Money StandaloneValue => Product.Price * (Quantity ?? 1);
}
