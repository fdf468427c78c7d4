using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// Part of a commission was taken back because the order was refunded. If the money was already paid
/// out, the member's available balance goes negative and nets against later earnings (clawback).
/// </summary>
/// <param name="Key">The commission reversed.</param>
/// <param name="RefundId">The refund that caused it.</param>
/// <param name="Amount">The amount taken back (positive).</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record CommissionReversed(CommissionKey Key, string RefundId, Money Amount, DateTimeOffset OccurredAt) : ICommissionMovement
{
    /// <summary>The commission owed shrinks by <see cref="Amount"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Money CommissionChange => -Amount;
}
