namespace CommunityModel.Campaigns.Surveys;

/// <summary>A survey closed.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Answered">How many members answered.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SurveyClosed(string PlayId, int Answered, DateTimeOffset OccurredAt) : IPlayEvent;
