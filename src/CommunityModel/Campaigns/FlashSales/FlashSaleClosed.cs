namespace CommunityModel.Campaigns.FlashSales;

/// <summary>A flash sale closed: its window ended, or it was closed by hand.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Sold">The units sold in all.</param>
/// <param name="Reason">Why: the window ended, or the reason given by hand.</param>
/// <param name="OccurredAt">When.</param>
public sealed record FlashSaleClosed(string PlayId, int Sold, string Reason, DateTimeOffset OccurredAt) : IPlayEvent;
