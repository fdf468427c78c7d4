using CommunityModel.Orleans.Members;

namespace CommunityModel.Orleans.Plays;

/// <summary>What a play's grain answered a buyer: the order to place (the play's product, price and reason), or why not.</summary>
/// <param name="Order">The community order the play built; <see langword="null"/> when refused.</param>
/// <param name="Refusals">Why it was refused, with the play's codes (sold out, outside the window, the member's limit, ...); empty when taken.</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.play-reservation")]
public sealed record PlayReservation([property: Id(0)] PlaceOrder? Order, [property: Id(1)] RefusalText[] Refusals)
{
    /// <summary>A unit taken for the order.</summary>
    /// <param name="order">The order the play built.</param>
    /// <returns>The answer.</returns>
    public static PlayReservation Take(PlaceOrder order) => new(order, []);

    /// <summary>A refused request.</summary>
    /// <param name="refusals">Every unmet condition.</param>
    /// <returns>The answer.</returns>
    public static PlayReservation Refuse(IEnumerable<Refusal> refusals) => new(null, [.. refusals.Select(RefusalText.From)]);
}
