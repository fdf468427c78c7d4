namespace CommunityModel.Roles;

/// <summary>
/// Ends a member's work role. Refused while the member still holds that place in a customer's care team: assign the
/// customers another holder first, so no customer's orders name a holder without the role.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Role">The role held.</param>
/// <param name="Reason">Why; required.</param>
public sealed record RevokeWorkRole(MemberId Member, WorkRole Role, string Reason) : CommunityCommand;
