namespace CommunityModel.Roles;

/// <summary>
/// One member of a customer's care team: the promoter who recruited the customer, the trainer whose sessions converted
/// them, or the manager who looks after them.
/// </summary>
/// <param name="Role">The role the holder plays for the customer.</param>
/// <param name="Holder">The member who holds it.</param>
/// <param name="Since">When the holder was assigned.</param>
public sealed record CareAssignment(WorkRole Role, MemberId Holder, DateTimeOffset Since);
