namespace CommunityModel.Organisation;

/// <summary>A class (班级) under headquarters, or a squad (小组) under a class, was founded.</summary>
/// <param name="GroupId">The group's id.</param>
/// <param name="Kind">A class or a squad.</param>
/// <param name="ParentId">The group it sits under: headquarters for a class, a class for a squad.</param>
/// <param name="Name">The group's name as members see it.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record GroupFounded(string GroupId, GroupKind Kind, string ParentId, string Name, DateTimeOffset OccurredAt) : IOrganisationEvent;
