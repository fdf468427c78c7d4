namespace CommunityModel;

/// <summary>Ends a member's promoter rights, however they were gained.</summary>
/// <param name="Member">The member.</param>
/// <param name="Reason">Why; required.</param>
public sealed record RevokePromoterRights(MemberId Member, string Reason) : CommunityCommand;
