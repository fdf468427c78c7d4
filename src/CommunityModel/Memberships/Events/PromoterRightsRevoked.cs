namespace CommunityModel.Memberships;

/// <summary>
/// A member-promoter's rights ended: revoked (e.g. for breaking group rules) or because the membership was
/// refunded. Promoter rights end only by this event, never silently. Stage: no longer a member-promoter.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="Reason">Why the rights ended.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record PromoterRightsRevoked(MemberId MemberId, string Reason, DateTimeOffset OccurredAt) : IMembershipEvent;
