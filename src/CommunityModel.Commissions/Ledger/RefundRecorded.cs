namespace CommunityModel.Commissions.Ledger;

/// <summary>A refund of an order line was recorded; its <see cref="CommissionReversed"/> events follow.</summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="RefundId">The integrator's refund id; a refund is recorded once.</param>
/// <param name="Amount">The amount refunded to the buyer.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record RefundRecorded(string OrderLineId, string RefundId, Money Amount, DateTimeOffset OccurredAt) : IDomainEvent;
