namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>A bootcamp finished (结营); its conversion window opens.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="OccurredAt">When.</param>
public sealed record BootcampFinished(string PlayId, DateTimeOffset OccurredAt) : IPlayEvent;
