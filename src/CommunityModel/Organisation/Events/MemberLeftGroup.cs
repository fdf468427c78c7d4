namespace CommunityModel.Organisation;

/// <summary>A member left the organisation's groups; the stay ends, kept in the member's history.</summary>
/// <param name="Member">The member.</param>
/// <param name="GroupId">The group left.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record MemberLeftGroup(MemberId Member, string GroupId, string Reason, DateTimeOffset OccurredAt) : IOrganisationEvent;
