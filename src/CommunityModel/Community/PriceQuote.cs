namespace CommunityModel;

/// <summary>What a member would pay for an item today: the list price and the member's discount on it.</summary>
/// <param name="Item">The tier id or product id.</param>
/// <param name="ListPrice">The catalog or tier price.</param>
/// <param name="DiscountRate">The member's shopping discount (自用省钱), zero for a member without one.</param>
/// <param name="Discount">The discount in money, rounded half up to the minor unit.</param>
/// <param name="Price">What the member pays: the list price less the discount.</param>
public sealed record PriceQuote(string Item, Money ListPrice, Rate DiscountRate, Money Discount, Money Price);
