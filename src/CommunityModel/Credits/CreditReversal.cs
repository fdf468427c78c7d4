namespace CommunityModel.Credits;

/// <summary>A reversal the ledger recorded: one refund of one order; the same refund of the same order and amount is a repeat.</summary>
/// <param name="RefundId">The refund id.</param>
/// <param name="OrderId">The order refunded.</param>
/// <param name="Refunded">The amount refunded of the order.</param>
/// <param name="Credits">The credits taken back.</param>
public sealed record CreditReversal(string RefundId, string OrderId, Money Refunded, long Credits);
