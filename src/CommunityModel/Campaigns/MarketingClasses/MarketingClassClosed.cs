namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>A marketing class closed: its follow-up window ended, or it was cancelled before going live.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Cancelled">Whether it was cancelled.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When.</param>
public sealed record MarketingClassClosed(string PlayId, bool Cancelled, string Reason, DateTimeOffset OccurredAt) : IPlayEvent;
