namespace CommunityModel.Orleans.Orders;

/// <summary>What paying an order decided.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="IsRepeat">Whether the order was paid already (nothing changed the second time).</param>
/// <param name="Commission">The commission accrued at checkout, in minor units (0 when settled at month-end).</param>
/// <param name="Lines">How many commission lines were accrued.</param>
/// <param name="Undelivered">How many follow-ups still wait to reach the earners' grains (retried until they do).</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.order-receipt")]
public sealed record OrderReceipt(
    [property: Id(0)] string OrderId,
    [property: Id(1)] bool IsRepeat,
    [property: Id(2)] long Commission,
    [property: Id(3)] int Lines,
    [property: Id(4)] int Undelivered);
