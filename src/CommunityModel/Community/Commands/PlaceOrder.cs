namespace CommunityModel;

/// <summary>
/// A member buys something: a catalog product, or a membership tier. For a tier the community decides what the order
/// is from the member's membership today: a first term (or a new one after a lapse or a refund), a renewal of the tier
/// held, an upgrade to a dearer tier, or promoter rights when the tier is a gift pack and the member already holds a
/// membership. The member's shopping discount applies unless a price is given.
/// </summary>
/// <param name="Member">The buyer.</param>
/// <param name="OrderId">The order id, unique in the community; the same order again is answered from the record.</param>
/// <param name="Item">A membership tier id or a catalog product id.</param>
/// <param name="Price">A negotiated price; the list price less the member's discount when <see langword="null"/>. Upgrades are priced by the membership plan and take none.</param>
/// <param name="PriceReason">Why the price is below the list price less the member's discount (a promotion, a complimentary order); required then.</param>
public sealed record PlaceOrder(MemberId Member, string OrderId, string Item, Money? Price = null, string? PriceReason = null) : CommunityCommand
{
    /// <summary>
    /// The id of the campaign play the order is sold within (a flash sale, a group buy, …), or <see langword="null"/>. The
    /// play sets it when it sells (e.g. <see cref="Campaigns.FlashSales.FlashSale.Buy"/>); the community refuses an order that
    /// names a play without coming through it.
    /// </summary>
    public string? Play { get; init; }

    /// <summary>The kind of the play named by <see cref="Play"/>; set with it.</summary>
    public Campaigns.PlayKind? PlayKind { get; init; }
}
