namespace CommunityModel.Memberships;

/// <summary>A member cancelled and was refunded; entitlements are revoked. Stage: back to Customer (and no longer a member-promoter).</summary>
/// <param name="MemberId">The member.</param>
/// <param name="TierId">The tier cancelled.</param>
/// <param name="Amount">The cash refunded; never more than was paid.</param>
/// <param name="Basis">The rule that computed it.</param>
/// <param name="ConsumedValue">The standalone value of consumed one-off entitlements that was deducted.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="RefundId">The refund, when it came through the <see cref="Community"/>; null otherwise.</param>
public sealed record MembershipRefunded(MemberId MemberId, string TierId, Money Amount, RefundBasis Basis, Money ConsumedValue, DateTimeOffset OccurredAt, string? RefundId = null) : IMembershipEvent;
