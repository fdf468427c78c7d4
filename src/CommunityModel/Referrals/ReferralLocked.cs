namespace CommunityModel.Referrals;

/// <summary>
/// A member placed its first commissionable order: from now on its sponsor changes only by an
/// administrative <see cref="SponsorReassigned"/>.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="OccurredAt">When the order was recorded.</param>
public sealed record ReferralLocked(MemberId Member, DateTimeOffset OccurredAt) : IDomainEvent;
