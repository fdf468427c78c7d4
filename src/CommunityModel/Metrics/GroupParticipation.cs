namespace CommunityModel.Metrics;

/// <summary>Participation in an activity for one group, or all groups together.</summary>
/// <param name="GroupId">The group; <see cref="ParticipationReport.AllGroups"/> for the total.</param>
/// <param name="Members">Members of the group(s).</param>
/// <param name="Attendees">Distinct members who attended.</param>
/// <param name="Rate">Attendees ÷ members: the activity participation rate (活动参与率).</param>
public sealed record GroupParticipation(string GroupId, long Members, long Attendees, Rate Rate);
