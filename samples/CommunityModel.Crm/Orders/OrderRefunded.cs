namespace CommunityModel.Crm.Orders;

/// <summary>The CRM's own fact: money went back to the buyer of an order. Refund ids are idempotent across restarts.</summary>
/// <param name="RefundId">The integrator's refund id.</param>
/// <param name="OrderId">The refunded order.</param>
/// <param name="Member">The buyer.</param>
/// <param name="Amount">What was refunded.</param>
/// <param name="OccurredAt">When.</param>
public sealed record OrderRefunded(string RefundId, string OrderId, MemberId Member, Money Amount, DateTimeOffset OccurredAt) : IDomainEvent;
