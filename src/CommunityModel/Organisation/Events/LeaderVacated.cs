namespace CommunityModel.Organisation;

/// <summary>A group lost its leader: the leader left or moved out of the group, or the term ended.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Member">The leader who stepped down.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record LeaderVacated(string GroupId, MemberId Member, string Reason, DateTimeOffset OccurredAt) : IOrganisationEvent;
