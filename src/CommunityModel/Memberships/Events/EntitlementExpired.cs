namespace CommunityModel.Memberships;

/// <summary>A grant's term ended; uses left over lapse with it.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Validity">The term of the grant.</param>
/// <param name="Unused">Uses left when it expired; null when unlimited.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record EntitlementExpired(MemberId MemberId, string ProductId, TermPeriod Validity, int? Unused, DateTimeOffset OccurredAt) : IMembershipEvent;
