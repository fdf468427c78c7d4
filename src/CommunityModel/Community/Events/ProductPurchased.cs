using CommunityModel.Catalog;

namespace CommunityModel;

/// <summary>
/// A member bought a catalog product (a course, a lead product, a partner package) outside a membership term.
/// The community emits it for every product order; metrics count it as a sale, and its ladder rung decided the
/// value-chain trigger.
/// </summary>
/// <param name="Member">The buyer.</param>
/// <param name="OrderId">The order id, unique in the community.</param>
/// <param name="ProductId">The catalog product bought.</param>
/// <param name="Kind">What the product is.</param>
/// <param name="Tier">The rung of the product ladder the product stands on.</param>
/// <param name="ListPrice">The catalog price at the time of the sale.</param>
/// <param name="Paid">What the buyer paid: the list price less the member discount, or a price given with a reason.</param>
/// <param name="OccurredAt">When the order was paid.</param>
/// <param name="PriceReason">Why the price differs from the list price less the member discount, when it does.</param>
public sealed record ProductPurchased(
    MemberId Member,
    string OrderId,
    string ProductId,
    ProductKind Kind,
    LadderTier Tier,
    Money ListPrice,
    Money Paid,
    DateTimeOffset OccurredAt,
    string? PriceReason = null) : IDomainEvent
{
    /// <summary>The id of the campaign play the product was sold within, or <see langword="null"/>.</summary>
    public string? Play { get; init; }

    /// <summary>The kind of the play, set with <see cref="Play"/>.</summary>
    public Campaigns.PlayKind? PlayKind { get; init; }
}
