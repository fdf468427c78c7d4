namespace CommunityModel.Organisation;

/// <summary>
/// A group got its leader: a class its class monitor (班长), a squad its group leader (组长). A class monitor is elected
/// (<see cref="ElectionDecided"/>) or appointed by headquarters; a group leader is appointed.
/// </summary>
/// <param name="GroupId">The group.</param>
/// <param name="Member">The new leader, a member of the group.</param>
/// <param name="Basis">Elected or appointed, with the election's id or the reason.</param>
/// <param name="Until">When the term ends; <see langword="null"/> for an appointment without a term.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record LeaderAppointed(string GroupId, MemberId Member, string Basis, DateTimeOffset? Until, DateTimeOffset OccurredAt) : IOrganisationEvent;
