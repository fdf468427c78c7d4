namespace CommunityModel.Referrals;

/// <summary>
/// An administrator moved a member to another sponsor, outside the binding mode's rules (e.g. after its
/// first commissionable order). Money already computed stays with the upline the order had.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Sponsor">Its new sponsor; <c>default</c> to make it a root.</param>
/// <param name="PreviousSponsor">The sponsor it had before; <c>default</c> when none.</param>
/// <param name="Reason">Why, as the administrator recorded it.</param>
/// <param name="OccurredAt">When the re-assignment was made.</param>
public sealed record SponsorReassigned(MemberId Member, MemberId Sponsor, MemberId PreviousSponsor, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
