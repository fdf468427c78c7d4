namespace CommunityModel.Orleans.Orders;

/// <summary>An order as the month-end run reads it: the commissionable order the order grain holds.</summary>
/// <param name="OrderId">The order (its one order line).</param>
/// <param name="Buyer">The buyer.</param>
/// <param name="Amount">What was paid, in minor units.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Kind">The order's kind.</param>
/// <param name="PaidAt">When it was paid.</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.month-end-order")]
public sealed record MonthEndOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] long Buyer,
    [property: Id(2)] long Amount,
    [property: Id(3)] string? ProductId,
    [property: Id(4)] string? Kind,
    [property: Id(5)] DateTimeOffset PaidAt);
