namespace CommunityModel.Catalog;

/// <summary>A course or product the business sells on its own, at its standalone price.</summary>
/// <param name="Id">The stable id, unique in the catalog (e.g. <c>offline-2d1n</c>).</param>
/// <param name="Name">A display name.</param>
/// <param name="Kind">What the product is.</param>
/// <param name="Price">The standalone (à la carte) selling price; never negative.</param>
/// <param name="Tier">The ladder rung, assigned or derived from the catalog's price bands.</param>
/// <param name="Days">For an offline course, how many days it lasts; zero otherwise.</param>
/// <param name="Nights">For an offline course, how many nights it lasts; zero otherwise.</param>
public sealed record Product(string Id, string Name, ProductKind Kind, Money Price, LadderTier Tier, int Days = 0, int Nights = 0);
