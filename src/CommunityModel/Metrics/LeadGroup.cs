namespace CommunityModel.Metrics;

/// <summary>A group invited to an activity, e.g. a lead group (引流群), and how many members it has.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Members">Its member count; one or more.</param>
public sealed record LeadGroup(string GroupId, long Members);
