namespace CommunityModel.Crm.Api;

/// <summary>
/// <c>POST /members/{id}/discounted-orders</c> (staff): an order below the member's price, a complimentary one at zero
/// included. The reason is required and stored on the order's event with the account that gave it; the community's
/// rules apply (at most the list price, in its currency; an upgrade is priced by the plan and takes no price).
/// </summary>
/// <param name="OrderId">The CRM's order id.</param>
/// <param name="Item">A membership tier id or a catalog product id.</param>
/// <param name="Price">The price agreed, from zero (complimentary) up to the list price.</param>
/// <param name="Reason">Why: the promotion, the complimentary membership's occasion.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record DiscountedOrderRequest(string? OrderId, string? Item, Money? Price, string? Reason);
