namespace CommunityModel;

/// <summary>
/// Exchanges a member's referral credits for a product or perk (会员用转介绍兑换一切): the item's credit price is spent
/// from the member's oldest lots. Needs the community to hold referral credits (<see cref="Credits.CreditOptions"/>).
/// Delivering the item is the integrator's: the <see cref="Credits.CreditsRedeemed"/> event is the voucher.
/// </summary>
/// <param name="Member">The member who redeems.</param>
/// <param name="RedemptionId">The redemption id, unique in the community; the same redemption again is answered from the record.</param>
/// <param name="Item">A catalog product or membership tier with a credit price under <c>Credits:Prices</c>.</param>
public sealed record RedeemCredits(MemberId Member, string RedemptionId, string Item) : CommunityCommand;
