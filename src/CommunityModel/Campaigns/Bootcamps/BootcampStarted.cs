namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>A bootcamp started (开营).</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="OccurredAt">When.</param>
public sealed record BootcampStarted(string PlayId, DateTimeOffset OccurredAt) : IPlayEvent;
