namespace CommunityModel.Roles;

/// <summary>Gives a registered member a work role; granting a role the member holds already is a repeat.</summary>
/// <param name="Member">The member.</param>
/// <param name="Role">The role.</param>
public sealed record GrantWorkRole(MemberId Member, WorkRole Role) : CommunityCommand;
