using System.Collections.Immutable;

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

    /// <summary>
    /// Who held each role on the order when it was paid, by role name (ordinal): the buyer's care team under
    /// <see cref="Roles.OrderRoles.Promoter"/>, <see cref="Roles.OrderRoles.Trainer"/> and <see cref="Roles.OrderRoles.Manager"/>.
    /// Derived from the buyer's stream as it stood before the order, never stored in the purchase event, so replay gives the
    /// same roles; empty for a buyer without a care team. The commissions package maps the names onto its plan's roles.
    /// </summary>
    public ImmutableDictionary<string, MemberId> Roles
    {
        get;
        init
        {
            // null reads as no roles: an order stored before orders carried roles, or by a serializer that writes null.
            field = value is null || value.IsEmpty ? CommunityModel.Roles.OrderRoles.None : value.WithComparers(StringComparer.Ordinal); // no roles is one instance, so orders without roles stay equal after a snapshot
        }
    } = CommunityModel.Roles.OrderRoles.None;

    /// <summary>What is left to refund.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Money Remaining => Paid - Refunded;

    /// <summary>The catalog product bought, for product orders; <see langword="null"/> for membership orders.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ProductId => Kind == OrderKind.Product ? Item : null;

    /// <summary>Whether two orders are the same order in the same state, their roles compared holder by holder (not by dictionary instance).</summary>
    /// <param name="other">The other order.</param>
    /// <returns><see langword="true"/> when every field and every role holder is equal.</returns>
    public bool Equals(CommunityOrder? other) =>
        other is not null
        && OrderId == other.OrderId
        && Member == other.Member
        && Kind == other.Kind
        && Item == other.Item
        && LadderTier == other.LadderTier
        && Paid == other.Paid
        && Refunded == other.Refunded
        && PaidAt == other.PaidAt
        && Play == other.Play
        && PlayKind == other.PlayKind
        && Roles.Count == other.Roles.Count
        && Roles.All(role => other.Roles.TryGetValue(role.Key, out var holder) && holder == role.Value);

    /// <summary>A hash consistent with <see cref="Equals(CommunityOrder?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(OrderId, Member, Kind, Paid, Refunded, PaidAt, Play, Roles.Count);
}
