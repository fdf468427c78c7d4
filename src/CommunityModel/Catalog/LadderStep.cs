using System.Collections.Immutable;

namespace CommunityModel.Catalog;

/// <summary>One rung of the product ladder with its products, cheapest first.</summary>
/// <param name="Tier">The rung.</param>
/// <param name="Products">The products on the rung, by price then id.</param>
public sealed record LadderStep(LadderTier Tier, ImmutableArray<Product> Products);
