namespace CommunityModel.Crm.Api;

/// <summary><c>POST /members/{id}/orders</c>: a purchase of a membership tier or a catalog product. Posting the same order id again changes nothing.</summary>
/// <param name="OrderId">The CRM's order id; also the commission order line.</param>
/// <param name="Item">A membership tier id (<c>VIP</c>, <c>KA</c>: a purchase, renewal or upgrade) or a catalog product id.</param>
/// <param name="Price">A negotiated price up to the list price; the list price when left out.</param>
/// <param name="PriceReason">Why a membership is sold below its tier's price (a discount, a complimentary term); required then, recorded on the membership's event.</param>
public sealed record RecordOrderRequest(string? OrderId, string? Item, Money? Price, string? PriceReason = null);
