namespace CommunityModel.Memberships;

/// <summary>The last paid term ended without renewal. Stage: the Member lapses.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="TierId">The tier that expired.</param>
/// <param name="EndedOn">The first day no longer covered.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record MembershipExpired(MemberId MemberId, string TierId, DateOnly EndedOn, DateTimeOffset OccurredAt) : IMembershipEvent;
