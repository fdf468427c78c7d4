namespace CommunityModel.Memberships;

/// <summary>What a cancellation would refund today.</summary>
/// <param name="TierId">The tier cancelled.</param>
/// <param name="Amount">The refund; between zero and what was paid.</param>
/// <param name="Basis">The rule for the current term: cooling-off or pro-rata.</param>
/// <param name="ConsumedValue">The standalone value of consumed one-off entitlements deducted.</param>
public sealed record RefundQuote(string TierId, Money Amount, RefundBasis Basis, Money ConsumedValue);
