namespace CommunityModel.Metrics;

/// <summary>
/// A group member attended an activity (a public class 公开课, a live marketing class 营销课, a bootcamp session).
/// Feeds the activity participation rate (活动参与率) and counts as activity.
/// </summary>
/// <param name="Member">Who attended.</param>
/// <param name="ActivityId">The activity attended.</param>
/// <param name="GroupId">The group (e.g. the lead group 引流群) the attendee was invited from.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AttendanceRecorded(MemberId Member, string ActivityId, string GroupId, DateTimeOffset OccurredAt) : IDomainEvent;
