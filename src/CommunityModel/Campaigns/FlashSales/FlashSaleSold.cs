namespace CommunityModel.Campaigns.FlashSales;

/// <summary>A unit of a flash sale was sold; the community's order carries the play's id.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Member">The buyer.</param>
/// <param name="OrderId">The community order placed for it.</param>
/// <param name="Price">What the buyer paid: the flash-sale price.</param>
/// <param name="OccurredAt">When.</param>
public sealed record FlashSaleSold(string PlayId, MemberId Member, string OrderId, Money Price, DateTimeOffset OccurredAt) : IPlayEvent;
