namespace CommunityModel.Crm.Api;

/// <summary>
/// <c>POST /members/{id}/orders</c>: a purchase of a membership tier or a catalog product at the catalog's price (less
/// the member's shopping discount). Posting the same order id again changes nothing.
/// </summary>
/// <param name="OrderId">The CRM's order id; also the commission order line.</param>
/// <param name="Item">A membership tier id (<c>VIP</c>, <c>KA</c>: a purchase, renewal or upgrade) or a catalog product id.</param>
/// <param name="Price">Refused when given: the price comes from the catalog. A discount is <c>POST /members/{id}/discounted-orders</c>.</param>
/// <param name="PriceReason">Refused when given, as <paramref name="Price"/>.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record RecordOrderRequest(string? OrderId, string? Item, Money? Price = null, string? PriceReason = null);
