namespace CommunityModel.Commissions.Engine;

/// <summary>An order line to compute commission for, as the integrator's order system knows it.</summary>
/// <param name="OrderLineId">The integrator's id of the order line; part of every ledger key.</param>
/// <param name="Buyer">Who bought; its upline earns.</param>
/// <param name="AmountPaid">What the buyer paid for the line.</param>
public sealed record CommissionableOrder(string OrderLineId, MemberId Buyer, Money AmountPaid)
{
    /// <summary>The line's cost, needed when the plan pays on amount paid minus cost.</summary>
    public Money? Cost { get; init; }

    /// <summary>The product bought; selects product overrides and exclusions.</summary>
    public string? ProductId { get; init; }

    /// <summary>The product-ladder tier (e.g. <c>VIP</c>, <c>KA</c>); selects tier overrides.</summary>
    public string? LadderTier { get; init; }

    /// <summary>The order kind (e.g. <c>GroupBuy</c>, <c>FlashSale</c>); selects exclusions.</summary>
    public string? Kind { get; init; }
}
