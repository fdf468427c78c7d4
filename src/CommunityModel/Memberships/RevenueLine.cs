namespace CommunityModel.Memberships;

/// <summary>The part of a payment for a tier recognised for one entitlement (relative standalone-selling-price method, IFRS 15).</summary>
/// <param name="ProductId">The product of the entitlement.</param>
/// <param name="StandaloneValue">The entitlement's standalone value, the weight of the split.</param>
/// <param name="Allocated">The part of the payment allocated to it; the parts of one payment sum exactly to it.</param>
public sealed record RevenueLine(string ProductId, Money StandaloneValue, Money Allocated);
