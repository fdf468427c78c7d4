namespace CommunityModel.Memberships;

/// <summary>
/// Buying a tier such as the 399 gift pack (大礼包) made the member a member-promoter: a shopping
/// discount and the right to promote (自用省钱, 分享赚钱). Stage: the member becomes a member-promoter.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="TierId">The tier that granted the rights.</param>
/// <param name="ShoppingDiscount">The shopping discount.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record PromoterRightsGranted(MemberId MemberId, string TierId, Rate ShoppingDiscount, DateTimeOffset OccurredAt) : IMembershipEvent;
