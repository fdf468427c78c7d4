namespace CommunityModel;

/// <summary>Registers a member as a Prospect, with the sponsor who referred them when there is one.</summary>
/// <param name="Member">The integrator's member id.</param>
/// <param name="Sponsor">The referring member, or the default (empty) id for none.</param>
public sealed record RegisterMember(MemberId Member, MemberId Sponsor = default) : CommunityCommand;
