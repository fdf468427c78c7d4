using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Ledger;

/// <summary>A commission line entered the ledger, pending until <see cref="AvailableAt"/>.</summary>
/// <param name="Key">The idempotency key: order line, beneficiary, rule.</param>
/// <param name="Level">The level paid.</param>
/// <param name="Amount">The commission.</param>
/// <param name="OrderAmountPaid">What the buyer paid for the order line; refunds reverse in proportion to it.</param>
/// <param name="AvailableAt">When the freeze period ends.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record CommissionAccrued(CommissionKey Key, int Level, Money Amount, Money OrderAmountPaid, DateTimeOffset AvailableAt, DateTimeOffset OccurredAt) : ICommissionMovement
{
    /// <summary>The commission owed grows by <see cref="Amount"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Money CommissionChange => Amount;
}
