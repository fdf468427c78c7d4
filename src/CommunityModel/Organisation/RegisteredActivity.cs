namespace CommunityModel.Organisation;

/// <summary>An activity as registered, with where it stands.</summary>
/// <param name="Registration">The registration.</param>
/// <param name="Status">Where it stands.</param>
public sealed record RegisteredActivity(ActivityRegistered Registration, ActivityStatus Status);
