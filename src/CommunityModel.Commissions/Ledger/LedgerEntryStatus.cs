namespace CommunityModel.Commissions.Ledger;

/// <summary>Where a commission stands in settlement.</summary>
public enum LedgerEntryStatus
{
    /// <summary>Within the freeze period: counted but not yet withdrawable.</summary>
    Pending = 0,

    /// <summary>The freeze period has passed: part of the available balance.</summary>
    Available = 1,

    /// <summary>Reversed in full by refunds.</summary>
    Reversed = 2,

    /// <summary>Covered by paid withdrawals: payouts settle available entries oldest first.</summary>
    PaidOut = 3,
}
