namespace CommunityModel.Credits;

/// <summary>A member exchanged credits for a product or a perk (兑换); the oldest lots were spent first.</summary>
/// <param name="Member">The member.</param>
/// <param name="RedemptionId">The redemption id, unique in the ledger.</param>
/// <param name="Item">The product or perk redeemed.</param>
/// <param name="Credits">The credits spent: the item's credit price at the time.</param>
/// <param name="OccurredAt">When the credits were redeemed.</param>
public sealed record CreditsRedeemed(MemberId Member, string RedemptionId, string Item, long Credits, DateTimeOffset OccurredAt) : ICreditEvent;
