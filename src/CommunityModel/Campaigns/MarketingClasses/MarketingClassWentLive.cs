namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>A marketing class went live (开播).</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="OccurredAt">When.</param>
public sealed record MarketingClassWentLive(string PlayId, DateTimeOffset OccurredAt) : IPlayEvent;
