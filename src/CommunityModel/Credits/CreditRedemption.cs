namespace CommunityModel.Credits;

/// <summary>A redemption the ledger recorded; the same redemption id with the same member and item is a repeat.</summary>
/// <param name="RedemptionId">The redemption id.</param>
/// <param name="Member">The member who redeemed.</param>
/// <param name="Item">The product or perk redeemed.</param>
/// <param name="Credits">The credits spent.</param>
/// <param name="RedeemedAt">When.</param>
public sealed record CreditRedemption(string RedemptionId, MemberId Member, string Item, long Credits, DateTimeOffset RedeemedAt);
