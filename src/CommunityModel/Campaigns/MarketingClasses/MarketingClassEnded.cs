namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>A marketing class ended (下播) and its same-night follow-up window (当晚跟进) opened.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="FollowUpEndsAt">When the window ends: the first moment after the end at which the community's local clock reads <see cref="CampaignOptions.FollowUpEndsAt"/>.</param>
/// <param name="OccurredAt">When the class ended.</param>
public sealed record MarketingClassEnded(string PlayId, DateTimeOffset FollowUpEndsAt, DateTimeOffset OccurredAt) : IPlayEvent;
