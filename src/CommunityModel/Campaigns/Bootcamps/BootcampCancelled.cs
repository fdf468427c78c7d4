namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>A bootcamp was cancelled before it started, with no one enrolled.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When.</param>
public sealed record BootcampCancelled(string PlayId, string Reason, DateTimeOffset OccurredAt) : IPlayEvent;
