namespace CommunityModel.Commissions.Ledger;

/// <summary>One refund of an order line in a <see cref="LedgerSnapshot"/>.</summary>
/// <param name="RefundId">The integrator's refund id, unique per order line.</param>
/// <param name="Amount">The amount refunded to the buyer.</param>
public readonly record struct LedgerSnapshotRefund(string RefundId, Money Amount);
