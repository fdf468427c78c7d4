namespace CommunityModel;

/// <summary>A prospect joined a lead group (引流群): the value chain moves them to Fan; a member already further along stays where they are.</summary>
/// <param name="Member">The member.</param>
/// <param name="GroupId">The lead group joined.</param>
public sealed record JoinLeadGroup(MemberId Member, string GroupId) : CommunityCommand;
