namespace CommunityModel.Roles;

/// <summary>A member's work role ended; the term is kept in the member's history. An event of the member's own stream.</summary>
/// <param name="Member">The member.</param>
/// <param name="Role">The role.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When.</param>
public sealed record WorkRoleRevoked(MemberId Member, WorkRole Role, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
