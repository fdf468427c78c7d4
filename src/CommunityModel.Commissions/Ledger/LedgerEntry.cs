using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Ledger;

/// <summary>One commission in the ledger, as of a moment.</summary>
/// <param name="Key">The idempotency key.</param>
/// <param name="Level">The level paid.</param>
/// <param name="Amount">The commission accrued.</param>
/// <param name="Reversed">How much refunds took back so far.</param>
/// <param name="AvailableAt">When the freeze period ends.</param>
/// <param name="Status">Pending, available or reversed.</param>
public sealed record LedgerEntry(CommissionKey Key, int Level, Money Amount, Money Reversed, DateTimeOffset AvailableAt, LedgerEntryStatus Status)
{
    /// <summary>What the entry still counts for: the amount minus reversals.</summary>
    public Money Net => Amount.Subtract(Reversed);
}
