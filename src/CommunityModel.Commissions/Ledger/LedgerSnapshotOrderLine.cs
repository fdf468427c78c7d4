using System.Collections.Immutable;

namespace CommunityModel.Commissions.Ledger;

/// <summary>One order line of a <see cref="LedgerSnapshot"/>: what was paid for it and its refunds.</summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="AmountPaid">What the buyer paid, once the line is accrued; null while its refunds await the accrual.</param>
/// <param name="Refunds">Its refunds, in the order recorded.</param>
public sealed record LedgerSnapshotOrderLine(string OrderLineId, Money? AmountPaid, ImmutableArray<LedgerSnapshotRefund> Refunds);
