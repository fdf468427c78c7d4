namespace CommunityModel.Roles;

/// <summary>
/// A member took over the organisation of an activity, replacing whoever organised it before. An event of the organiser's
/// stream: the community's later sales within the play of that id carry the organiser as <see cref="OrderRoles.Organiser"/>
/// (<see cref="CommunityOrder.Roles"/>), derived on replay from the events before each sale, never stored in the sale.
/// </summary>
/// <param name="Organiser">The member who organises it; registered when it happened.</param>
/// <param name="Activity">The activity's id: the id of the play its sales are made within.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ActivityOrganised(MemberId Organiser, string Activity, DateTimeOffset OccurredAt) : IDomainEvent;
