namespace CommunityModel;

/// <summary>Lifts a suspension. A member whose membership ended while suspended comes back Lapsed, not Member.</summary>
/// <param name="Member">The member.</param>
/// <param name="Reason">Why; required.</param>
public sealed record ReinstateMember(MemberId Member, string Reason) : CommunityCommand;
