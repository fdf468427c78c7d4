namespace CommunityModel.Organisation;

/// <summary>An activity was registered in advance (活动报备) by a member of the group it is for; it waits for approval.</summary>
/// <param name="ActivityId">The activity's id.</param>
/// <param name="GroupId">The group it is for.</param>
/// <param name="Organiser">The member organising it.</param>
/// <param name="Title">Its title.</param>
/// <param name="Topic">What it is about.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="OccurredAt">When it was registered.</param>
public sealed record ActivityRegistered(string ActivityId, string GroupId, MemberId Organiser, string Title, string Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset OccurredAt) : IOrganisationEvent;
