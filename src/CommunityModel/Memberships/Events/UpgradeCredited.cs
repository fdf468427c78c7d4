namespace CommunityModel.Memberships;

/// <summary>
/// On an immediate upgrade the member was credited for the unused part of what was paid, minus the
/// standalone value of one-off entitlements already consumed; never negative, never more than was paid.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="FromTierId">The tier left.</param>
/// <param name="Credit">The credit.</param>
/// <param name="ConsumedValue">The standalone value of consumed one-off entitlements that was deducted.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record UpgradeCredited(MemberId MemberId, string FromTierId, Money Credit, Money ConsumedValue, DateTimeOffset OccurredAt) : IMembershipEvent;
