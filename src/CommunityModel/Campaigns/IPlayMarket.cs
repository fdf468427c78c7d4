using System.Collections.Immutable;
using CommunityModel.Catalog;

namespace CommunityModel.Campaigns;

/// <summary>
/// Where a play sells: the catalog its products come from, who may buy, and how the orders it decided are placed.
/// <see cref="Community"/> is one (it places the orders in process); a host whose members live elsewhere (a cluster's
/// member grains) supplies its own, so the play's rules are the same code wherever the orders are placed.
/// </summary>
public interface IPlayMarket
{
    /// <summary>The catalog the play's products come from; <see langword="null"/> when there is none.</summary>
    ProductCatalog? Catalog { get; }

    /// <summary>Whether the member may buy: registered where the orders are placed.</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    bool Contains(MemberId member);

    /// <summary>Places the orders of one play sale together, all of them or none, with the play's reward when any.</summary>
    /// <param name="orders">The orders, each of another member, each naming the play.</param>
    /// <param name="reward">A reward paid through the commission ledger with them, when any.</param>
    /// <returns>The events to store, in order; empty when the host stores them elsewhere.</returns>
    /// <exception cref="CommunityModelException">An order was refused; nothing changed and the play does not change either.</exception>
    ImmutableArray<IDomainEvent> SellWithin(IReadOnlyList<PlaceOrder> orders, PlayReward? reward);
}
