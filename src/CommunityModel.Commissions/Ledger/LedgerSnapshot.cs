using System.Collections.Immutable;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// Everything replaying a commission ledger's events builds, as a record to store (<see cref="CommissionLedger.ToSnapshot"/>);
/// <see cref="CommissionLedger.Restore"/> gives back a ledger with the same balances, entries, refunds and withdrawals, so only
/// the events after the snapshot need replaying.
/// </summary>
/// <param name="Currency">The ledger's currency.</param>
/// <param name="Entries">Every commission accrued, in accrual order, with what refunds reversed of it.</param>
/// <param name="OrderLines">Every order line accrued or refunded, in the order the ledger first heard of it.</param>
/// <param name="Accounts">Every member's withdrawal totals.</param>
/// <param name="Withdrawals">Every withdrawal requested, in request order.</param>
/// <param name="EventCount">How many events the ledger applied (the index its replay errors count from).</param>
public sealed record LedgerSnapshot(
    Currency Currency,
    ImmutableArray<LedgerSnapshotEntry> Entries,
    ImmutableArray<LedgerSnapshotOrderLine> OrderLines,
    ImmutableArray<LedgerSnapshotAccount> Accounts,
    ImmutableArray<LedgerSnapshotWithdrawal> Withdrawals,
    int EventCount);
