namespace CommunityModel.Crm.Api;

/// <summary>An order of the member, with what has been refunded of it so far.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Item">The tier or product.</param>
/// <param name="Kind">What the order did.</param>
/// <param name="Paid">The cash paid.</param>
/// <param name="Refunded">The cash given back so far.</param>
/// <param name="PaidAt">When it was paid.</param>
public sealed record OrderSummaryView(string OrderId, string Item, OrderKind Kind, Money Paid, Money Refunded, DateTimeOffset PaidAt)
{
    /// <summary>The view of an order.</summary>
    /// <param name="o">The order.</param>
    /// <returns>The view.</returns>
    public static OrderSummaryView Of(CommunityOrder o) => new(o.OrderId, o.Item, o.Kind, o.Paid, o.Refunded, o.PaidAt);
}
