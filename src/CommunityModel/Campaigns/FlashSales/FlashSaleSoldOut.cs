namespace CommunityModel.Campaigns.FlashSales;

/// <summary>A flash sale sold its last unit of stock.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Sold">The units sold: the whole stock.</param>
/// <param name="OccurredAt">When.</param>
public sealed record FlashSaleSoldOut(string PlayId, int Sold, DateTimeOffset OccurredAt) : IPlayEvent;
