namespace CommunityModel.Metrics;

/// <summary>
/// A member was active: posted in a group, opened the app, watched a lesson. What counts as activity is the
/// integrator's choice; the metrics count it for DAU / WAU / MAU, retention cohorts and activation.
/// </summary>
/// <param name="Member">Who.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ActivityRecorded(MemberId Member, DateTimeOffset OccurredAt) : IDomainEvent;
