namespace CommunityModel.Memberships;

/// <summary>One use of an entitlement, remembered by its idempotency key so the same use is never counted twice.</summary>
/// <param name="IdempotencyKey">The key the use was made with.</param>
/// <param name="ProductId">The product used.</param>
public readonly record struct EntitlementUse(string IdempotencyKey, string ProductId);
