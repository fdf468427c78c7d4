namespace CommunityModel.Roles;

/// <summary>A member was given a work role (推广员, 培训师 or 管理员); an event of the member's own stream.</summary>
/// <param name="Member">The member.</param>
/// <param name="Role">The role.</param>
/// <param name="OccurredAt">When.</param>
public sealed record WorkRoleGranted(MemberId Member, WorkRole Role, DateTimeOffset OccurredAt) : IDomainEvent;
