namespace CommunityModel.Memberships;

/// <summary>A grant was taken back, because of a refund or an upgrade that replaced it.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Validity">The term of the grant.</param>
/// <param name="Unused">Uses left when revoked; null when unlimited.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record EntitlementRevoked(MemberId MemberId, string ProductId, TermPeriod Validity, int? Unused, DateTimeOffset OccurredAt) : IMembershipEvent;
