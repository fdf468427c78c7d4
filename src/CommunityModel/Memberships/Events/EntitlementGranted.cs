namespace CommunityModel.Memberships;

/// <summary>A term's entitlement was added to the member's ledger.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Uses granted; null for unlimited use.</param>
/// <param name="UnitValue">The product's standalone price when granted, deducted from credits and refunds per use of a one-off entitlement.</param>
/// <param name="Validity">The term during which it may be used.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record EntitlementGranted(MemberId MemberId, string ProductId, int? Quantity, Money UnitValue, TermPeriod Validity, DateTimeOffset OccurredAt) : IMembershipEvent;
