namespace CommunityModel;

/// <summary>Uses one of a member's entitlements once (attending the offline course, a coaching session).</summary>
/// <param name="Member">The member.</param>
/// <param name="ProductId">The entitled product.</param>
/// <param name="Key">An idempotency key: the same key again is the same use.</param>
public sealed record ConsumeEntitlement(MemberId Member, string ProductId, string Key) : CommunityCommand;
