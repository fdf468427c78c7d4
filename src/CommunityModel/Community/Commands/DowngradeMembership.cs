namespace CommunityModel;

/// <summary>Schedules a move to a cheaper tier at the member's next renewal.</summary>
/// <param name="Member">The member.</param>
/// <param name="TierId">The cheaper tier.</param>
public sealed record DowngradeMembership(MemberId Member, string TierId) : CommunityCommand;
