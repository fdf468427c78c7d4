namespace CommunityModel;

/// <summary>
/// Refunds an order. A product order gives back the amount asked (all that is left of it by default). A membership order
/// cancels the membership: the membership plan computes the amount (cooling-off, unused days, consumed courses) and it is
/// spread over the membership's orders, newest first. Either way the commission is reversed in proportion.
/// </summary>
/// <param name="Member">The buyer.</param>
/// <param name="OrderId">The order refunded.</param>
/// <param name="RefundId">The refund id, unique in the community; the same refund again is answered from the record.</param>
/// <param name="Amount">For a product order, the amount to give back; leave it out for a membership order.</param>
public sealed record RefundOrder(MemberId Member, string OrderId, string RefundId, Money? Amount = null) : CommunityCommand;
