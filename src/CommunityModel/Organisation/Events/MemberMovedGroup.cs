namespace CommunityModel.Organisation;

/// <summary>A member moved from one group to another; the stay in the old group ends, kept in the member's history.</summary>
/// <param name="Member">The member.</param>
/// <param name="FromGroupId">The group left.</param>
/// <param name="ToGroupId">The group joined.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record MemberMovedGroup(MemberId Member, string FromGroupId, string ToGroupId, string Reason, DateTimeOffset OccurredAt) : IOrganisationEvent;
