namespace CommunityModel.Referrals;

/// <summary>
/// One change of a member's sponsor, as a <see cref="SponsorBound"/> or a <see cref="SponsorReassigned"/> recorded it:
/// from <see cref="PreviousSponsor"/> to <see cref="Sponsor"/> at <see cref="OccurredAt"/>.
/// </summary>
/// <param name="Member">The member whose sponsor changed.</param>
/// <param name="Sponsor">Its sponsor from <paramref name="OccurredAt"/> on; <c>default</c> when it became a root.</param>
/// <param name="PreviousSponsor">Its sponsor until then; <c>default</c> when it had none.</param>
/// <param name="OccurredAt">When the change was made.</param>
public readonly record struct SponsorChange(MemberId Member, MemberId Sponsor, MemberId PreviousSponsor, DateTimeOffset OccurredAt);
