namespace CommunityModel.Commissions.Ledger;

/// <summary>What <see cref="CommissionLedger.Refund"/> did with a refund.</summary>
public enum RefundOutcome
{
    /// <summary>The refund was recorded and the order line's commissions reversed in proportion.</summary>
    Recorded = 0,

    /// <summary>The same refund id and amount were already recorded for the order line: nothing changed.</summary>
    AlreadyRecorded = 1,

    /// <summary>
    /// Not returned by the ledger any more: a refund of an order line it holds no commission for is kept as
    /// <see cref="AwaitingAccrual"/>. The value keeps its number for outcomes stored earlier.
    /// </summary>
    NoCommission = 2,

    /// <summary>
    /// The ledger holds no commission for the order line yet: the refund is recorded and kept, and reversed when the line
    /// is accrued (the accrual's events then include the reversals, netting exactly as if the refund had come after it).
    /// A line that never earns keeps it harmlessly.
    /// </summary>
    AwaitingAccrual = 3,
}
