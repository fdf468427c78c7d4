namespace CommunityModel;

/// <summary>Removes a member for good: the membership is suspended, promoter rights end and the member earns no more commission.</summary>
/// <param name="Member">The member.</param>
/// <param name="Reason">Why; required.</param>
public sealed record RemoveMember(MemberId Member, string Reason) : CommunityCommand;
