namespace CommunityModel;

/// <summary>
/// Part of an order was refunded: its commissions are reversed in proportion (<see cref="ICommunityCommissions.OrderRefunded"/>).
/// Idempotent by the refund id and the order id.
/// </summary>
/// <param name="Order">The order refunded, before this refund.</param>
/// <param name="RefundId">The refund id.</param>
/// <param name="Amount">The amount refunded of this order; positive.</param>
public sealed record OrderRefundedFollowUp(CommunityOrder Order, string RefundId, Money Amount) : FollowUp;
