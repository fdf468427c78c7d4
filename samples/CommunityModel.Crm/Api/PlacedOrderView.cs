namespace CommunityModel.Crm.Api;

/// <summary>An order in <c>GET /members/{id}/orders</c>: what was bought, paid and refunded, and the commission it accrued.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="MemberId">The buyer.</param>
/// <param name="Item">The tier or product.</param>
/// <param name="Kind">What the order did.</param>
/// <param name="AmountPaid">What the buyer paid.</param>
/// <param name="Refunded">What was given back so far.</param>
/// <param name="PaidAt">When it was paid.</param>
/// <param name="Commissions">The commission lines it accrued.</param>
public sealed record PlacedOrderView(string OrderId, MemberId MemberId, string Item, OrderKind Kind, Money AmountPaid, Money Refunded, DateTimeOffset PaidAt, CommissionView[] Commissions);
