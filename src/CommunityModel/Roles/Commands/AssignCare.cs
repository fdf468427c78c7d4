namespace CommunityModel.Roles;

/// <summary>
/// Records who recruited, trained or manages a customer: <paramref name="Holder"/> takes the <paramref name="Role"/>
/// place in the customer's care team. The holder must hold the role now and be someone other than the customer;
/// assigning the holder already in that place is a repeat.
/// </summary>
/// <param name="Customer">The customer.</param>
/// <param name="Role">The place: <see cref="WorkRole.Promoter"/> who recruited, <see cref="WorkRole.Trainer"/> who trained, <see cref="WorkRole.Manager"/> who manages.</param>
/// <param name="Holder">The member who takes it.</param>
public sealed record AssignCare(MemberId Customer, WorkRole Role, MemberId Holder) : CommunityCommand;
