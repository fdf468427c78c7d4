namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The idempotency key of a commission: the order line, the beneficiary and the rule that paid it.
/// The ledger records each key once, so processing an order twice never pays twice.
/// </summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Beneficiary">Who earns.</param>
/// <param name="Rule">The rule id, e.g. <c>standard/level-1</c>.</param>
public readonly record struct CommissionKey(string OrderLineId, MemberId Beneficiary, string Rule)
{
    /// <summary>Formats as <c>order-line/beneficiary/rule</c>.</summary>
    /// <returns>The key's text.</returns>
    public override string ToString() => $"{OrderLineId}/{Beneficiary}/{Rule}";
}
