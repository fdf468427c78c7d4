namespace CommunityModel.Memberships;

/// <summary>
/// Buying a tier such as the 399 gift pack (大礼包) made the member a member-promoter: a shopping
/// discount and the right to promote (自用省钱, 分享赚钱). The rights last until <see cref="PromoterRightsRevoked"/>;
/// a membership's expiry does not end them. Stage: the member becomes a member-promoter.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="TierId">The tier that granted the rights.</param>
/// <param name="ShoppingDiscount">The shopping discount.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Paid">
/// The cash paid for the rights when they were bought on top of another tier's membership
/// (<see cref="MembershipDesk.BuyPromoterRights(Membership, string, Money?, string?)"/>); null when they came with a term the member bought.
/// </param>
/// <param name="PriceReason">Why the rights were sold below the tier's price; null at the tier's price or when nothing was paid for them alone.</param>
/// <param name="OrderId">The order that paid for it, when the sale came through the <see cref="Community"/>; null otherwise.</param>
public sealed record PromoterRightsGranted(MemberId MemberId, string TierId, Rate ShoppingDiscount, DateTimeOffset OccurredAt, Money? Paid = null, string? PriceReason = null, string? OrderId = null) : IMembershipEvent;
