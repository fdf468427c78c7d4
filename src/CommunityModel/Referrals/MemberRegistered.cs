namespace CommunityModel.Referrals;

/// <summary>A member joined the referral network, with the sponsor it was bound to at registration, if any.</summary>
/// <param name="Member">The new member.</param>
/// <param name="Sponsor">The sponsor bound at registration; <c>default</c> when none.</param>
/// <param name="OccurredAt">When the member registered.</param>
public sealed record MemberRegistered(MemberId Member, MemberId Sponsor, DateTimeOffset OccurredAt) : IDomainEvent;
