namespace CommunityModel.Campaigns.FlashSales;

/// <summary>A flash sale's window opened (its first sale came at or after the start).</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="OccurredAt">When.</param>
public sealed record FlashSaleOpened(string PlayId, DateTimeOffset OccurredAt) : IPlayEvent;
