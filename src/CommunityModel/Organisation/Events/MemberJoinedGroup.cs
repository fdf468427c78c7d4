namespace CommunityModel.Organisation;

/// <summary>A student (学生) joined a class or a squad; a member belongs to one group at a time.</summary>
/// <param name="Member">The member.</param>
/// <param name="GroupId">The group joined.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record MemberJoinedGroup(MemberId Member, string GroupId, DateTimeOffset OccurredAt) : IOrganisationEvent;
