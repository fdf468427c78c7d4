namespace CommunityModel;

/// <summary>Binds a registered member to the sponsor who referred them, under the referral network's binding rules.</summary>
/// <param name="Member">The member.</param>
/// <param name="Sponsor">The sponsor.</param>
public sealed record BindSponsor(MemberId Member, MemberId Sponsor) : CommunityCommand;
