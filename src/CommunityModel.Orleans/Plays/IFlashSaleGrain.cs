using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Orleans.Members;

namespace CommunityModel.Orleans.Plays;

/// <summary>
/// A flash sale (秒杀) of the cluster, keyed by the play's id: the one writer of its stock and per-member counts, deciding
/// with the library's <see cref="FlashSale"/>. Its stream (<c>play-{id}</c>) holds the play's events and the orders it
/// built. A buyer's member grain asks it for a unit before placing an order naming the play; requests are taken one at a
/// time, so concurrent buyers across the cluster never take the same unit.
/// </summary>
[Alias("communitymodel.flash-sale")]
public interface IFlashSaleGrain : IGrainWithStringKey
{
    /// <summary>Schedules the flash sale (<see cref="FlashSale.Schedule"/>) under this grain's key as its play id.</summary>
    /// <param name="productId">A catalog product.</param>
    /// <param name="price">The flash-sale price; at most the list price.</param>
    /// <param name="startsAt">When the window opens.</param>
    /// <param name="endsAt">When it ends; after the start.</param>
    /// <param name="stock">The units offered, at least one.</param>
    /// <param name="perMemberLimit">The units one member may buy, at least one.</param>
    /// <returns>Accepted, or refused with the play's codes (scheduled already, an unusable value).</returns>
    [Alias("schedule")]
    Task<CommandOutcome> Schedule(string productId, Money price, DateTimeOffset startsAt, DateTimeOffset endsAt, int stock, int perMemberLimit);

    /// <summary>
    /// Takes a unit for a buyer's order (<see cref="FlashSale.Buy"/>): the play's rules are checked, the buyer's grain is
    /// asked whether its stream would take the order the play built (<see cref="IMemberGrain.Check"/>), and only then are the
    /// play's events stored. The same order of the same buyer again hands back the order stored for it.
    /// </summary>
    /// <param name="order">The buyer's order naming this play; its item and price, when given, must be the play's.</param>
    /// <param name="buyerRegistered">Whether the buyer is registered in the community (its grain knows).</param>
    /// <returns>The order to place, or the refusals of the play or of the buyer's stream; a refusal leaves the stock as it was.</returns>
    /// <exception cref="ArgumentException">The order names another play, or a play of another kind.</exception>
    [Alias("reserve")]
    Task<PlayReservation> Reserve(PlaceOrder order, bool buyerRegistered);

    /// <summary>Closes the flash sale (<see cref="FlashSale.Close"/>).</summary>
    /// <param name="reason">Why; required.</param>
    /// <returns>Accepted, or refused (not scheduled, closed already, no reason).</returns>
    [Alias("close")]
    Task<CommandOutcome> Close(string reason);

    /// <summary>The play's events as stored, in order: the same events a <see cref="FlashSale"/> in a <see cref="Community"/> stores for the same sales.</summary>
    /// <returns>The events.</returns>
    [AlwaysInterleave]
    [Alias("events")]
    Task<IDomainEvent[]> GetEvents();
}
