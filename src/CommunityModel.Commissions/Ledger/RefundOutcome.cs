namespace CommunityModel.Commissions.Ledger;

/// <summary>What <see cref="CommissionLedger.Refund"/> did with a refund.</summary>
public enum RefundOutcome
{
    /// <summary>The refund was recorded and the order line's commissions reversed in proportion.</summary>
    Recorded = 0,

    /// <summary>The same refund id and amount were already recorded for the order line: nothing changed.</summary>
    AlreadyRecorded = 1,

    /// <summary>The ledger holds no commission for the order line (no sponsor, an excluded product, a zero-rate level): nothing to reverse.</summary>
    NoCommission = 2,
}
