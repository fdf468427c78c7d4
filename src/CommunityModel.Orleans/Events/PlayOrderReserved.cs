namespace CommunityModel.Orleans.Events;

/// <summary>
/// A play's grain took a unit for an order: the community order the play built (its product, price, reason, play and kind),
/// stored with the play's own events in the same append, so a buyer that repeats the order after a crash is handed the
/// same order to place.
/// </summary>
/// <param name="PlayId">The play.</param>
/// <param name="Order">The order the play built, as its buyer's grain places it.</param>
/// <param name="OccurredAt">When the unit was taken.</param>
public sealed record PlayOrderReserved(string PlayId, PlaceOrder Order, DateTimeOffset OccurredAt) : IDomainEvent;
