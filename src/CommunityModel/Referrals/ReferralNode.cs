namespace CommunityModel.Referrals;

/// <summary>One registered member of a <see cref="ReferralNetworkSnapshot"/>: its sponsor and the times and lock that decide its next binding.</summary>
/// <param name="Member">The member.</param>
/// <param name="Sponsor">Its sponsor; <c>default</c> when it has none.</param>
/// <param name="RegisteredAt">When it registered (closes the registration window).</param>
/// <param name="BoundAt">When its current binding was made: registration, binding or re-assignment (starts the binding validity).</param>
/// <param name="Locked">Whether a first commissionable order fixed its sponsor.</param>
public readonly record struct ReferralNode(MemberId Member, MemberId Sponsor, DateTimeOffset RegisteredAt, DateTimeOffset BoundAt, bool Locked);
