namespace CommunityModel.Campaigns.FlashSales;

/// <summary>A flash sale (秒杀) was scheduled: a product at a price, a time window, a limited stock and a per-member limit.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="ProductId">The catalog product sold.</param>
/// <param name="Price">The flash-sale price of one unit; at most the list price.</param>
/// <param name="StartsAt">When the window opens.</param>
/// <param name="EndsAt">When it ends (exclusive).</param>
/// <param name="Stock">The units offered: the total purchase limit.</param>
/// <param name="PerMemberLimit">The units one member may buy.</param>
/// <param name="OccurredAt">When it was scheduled.</param>
public sealed record FlashSaleScheduled(string PlayId, string ProductId, Money Price, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Stock, int PerMemberLimit, DateTimeOffset OccurredAt) : IPlayEvent;
