namespace CommunityModel;

/// <summary>Suspends a member (e.g. for breaking the group's rules): the value chain, the membership desk and the commission roster all hold the member still.</summary>
/// <param name="Member">The member.</param>
/// <param name="Reason">Why; required.</param>
public sealed record SuspendMember(MemberId Member, string Reason) : CommunityCommand;
