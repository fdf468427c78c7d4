namespace CommunityModel.Crm.Orders;

/// <summary>
/// The CRM's own fact: an order was taken. Stored beside the library's events (it is an <see cref="IDomainEvent"/> too),
/// it makes order ids idempotent across restarts: the same order posted again is answered from this record.
/// </summary>
/// <param name="OrderId">The integrator's order id; also the commission order line id.</param>
/// <param name="Member">The buyer.</param>
/// <param name="Item">A membership tier id or a catalog product id.</param>
/// <param name="Kind">What the order did.</param>
/// <param name="AmountPaid">What the buyer paid (after credit, for memberships).</param>
/// <param name="OccurredAt">When.</param>
public sealed record OrderRecorded(string OrderId, MemberId Member, string Item, OrderKind Kind, Money AmountPaid, DateTimeOffset OccurredAt) : IDomainEvent;
