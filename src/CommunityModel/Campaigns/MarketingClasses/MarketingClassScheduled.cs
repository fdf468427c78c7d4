namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>A live marketing class (营销课) was scheduled, with the offer it closes on (a product at a class price).</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Title">The class's title.</param>
/// <param name="ProductId">The catalog product offered.</param>
/// <param name="Price">The class price; at most the list price.</param>
/// <param name="StartsAt">When it is to go live.</param>
/// <param name="OccurredAt">When it was scheduled.</param>
public sealed record MarketingClassScheduled(string PlayId, string Title, string ProductId, Money Price, DateTimeOffset StartsAt, DateTimeOffset OccurredAt) : IPlayEvent;
