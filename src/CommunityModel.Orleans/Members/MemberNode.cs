namespace CommunityModel.Orleans.Members;

/// <summary>A member's place in the referral network as its grain holds it, read when walking an upline across grains.</summary>
/// <param name="Member">The member.</param>
/// <param name="Registered">Whether it registered; an unregistered member has no sponsor and cannot sponsor.</param>
/// <param name="Sponsor">Its sponsor; 0 for none.</param>
/// <param name="RegisteredAt">When it registered.</param>
/// <param name="BoundAt">When its current binding was made.</param>
/// <param name="Locked">Whether a first commissionable order fixed its sponsor.</param>
/// <param name="Status">Its earner status (<see cref="Commissions.Paying.EarnerStatus"/> flags).</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.member-node")]
public sealed record MemberNode(
    [property: Id(0)] long Member,
    [property: Id(1)] bool Registered,
    [property: Id(2)] long Sponsor,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] DateTimeOffset BoundAt,
    [property: Id(5)] bool Locked,
    [property: Id(6)] byte Status);
