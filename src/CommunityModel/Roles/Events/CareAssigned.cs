namespace CommunityModel.Roles;

/// <summary>
/// A holder of a work role took a place in a customer's care team (the promoter who recruited, the trainer who trained,
/// the manager who manages), replacing whoever held that place before. An event of the customer's stream: the customer's
/// later orders carry the team as their roles (<see cref="CommunityOrder.Roles"/>).
/// </summary>
/// <param name="Customer">The customer.</param>
/// <param name="Role">The place in the team.</param>
/// <param name="Holder">The member who takes it; held the role when assigned.</param>
/// <param name="OccurredAt">When.</param>
public sealed record CareAssigned(MemberId Customer, WorkRole Role, MemberId Holder, DateTimeOffset OccurredAt) : IDomainEvent;
