namespace CommunityModel.Orleans.Orders;

/// <summary>An order to pay: who buys what, for how much, in which period, settled at checkout or at month-end.</summary>
/// <param name="Buyer">The buyer's member id.</param>
/// <param name="Amount">What the buyer pays, in minor units of the ledger's currency.</param>
/// <param name="ProductId">The product, when the plan pays by product.</param>
/// <param name="Kind">The order's kind, when the plan excludes kinds.</param>
/// <param name="Period">The period it belongs to (e.g. <c>2025-01</c>).</param>
/// <param name="AtMonthEnd">Whether its commission waits for the period's month-end run rather than being paid at checkout.</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.order-request")]
public sealed record OrderRequest(
    [property: Id(0)] long Buyer,
    [property: Id(1)] long Amount,
    [property: Id(2)] string? ProductId,
    [property: Id(3)] string? Kind,
    [property: Id(4)] string Period,
    [property: Id(5)] bool AtMonthEnd);
