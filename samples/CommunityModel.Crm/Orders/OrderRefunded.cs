using System.Collections.Immutable;

namespace CommunityModel.Crm.Orders;

/// <summary>
/// The CRM's own fact: money went back to the buyer. A membership refund cancels the whole membership, so it is
/// spread over the orders that paid for it (<see cref="Shares"/>, newest first); a product refund has one share.
/// Refund ids are idempotent across restarts.
/// </summary>
/// <param name="RefundId">The integrator's refund id.</param>
/// <param name="OrderId">The order the refund was asked for.</param>
/// <param name="Member">The buyer.</param>
/// <param name="Amount">What was refunded in all.</param>
/// <param name="Shares">How much of each order it gave back; the commission on each is reversed in proportion.</param>
/// <param name="OccurredAt">When.</param>
public sealed record OrderRefunded(string RefundId, string OrderId, MemberId Member, Money Amount, ImmutableArray<RefundShare> Shares, DateTimeOffset OccurredAt) : IDomainEvent;
