namespace CommunityModel;

/// <summary>An order the community took, with what has been refunded of it so far.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Member">The buyer.</param>
/// <param name="Kind">What the order bought.</param>
/// <param name="Item">The tier id or product id ordered.</param>
/// <param name="LadderTier">
/// The order's rung for commission plans: the membership tier id for membership orders, the catalog ladder tier
/// (<c>Entry</c>, <c>HighTicket</c>, …) for products.
/// </param>
/// <param name="Paid">The cash paid.</param>
/// <param name="Refunded">The cash given back so far.</param>
/// <param name="PaidAt">When it was paid.</param>
public sealed record CommunityOrder(string OrderId, MemberId Member, OrderKind Kind, string Item, string LadderTier, Money Paid, Money Refunded, DateTimeOffset PaidAt)
{
    /// <summary>The id of the campaign play the order was sold within, or <see langword="null"/>.</summary>
    public string? Play { get; init; }

    /// <summary>
    /// The kind of the play, set with <see cref="Play"/>. The commissions see it as the order's kind, so a plan's excluded order
    /// kinds (e.g. <c>GroupBuy</c>, <c>FlashSale</c>) apply to the play's sales.
    /// </summary>
    public Campaigns.PlayKind? PlayKind { get; init; }

    /// <summary>What is left to refund.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Money Remaining => Paid - Refunded;

    /// <summary>The catalog product bought, for product orders; <see langword="null"/> for membership orders.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ProductId => Kind == OrderKind.Product ? Item : null;
}
