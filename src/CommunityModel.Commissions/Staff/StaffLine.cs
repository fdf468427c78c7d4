namespace CommunityModel.Commissions.Staff;

/// <summary>A staff member's share of the period's pay on one order line.</summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Rule">The rule id, <c>&lt;schedule&gt;/staff</c>.</param>
/// <param name="Staff">Who earns.</param>
/// <param name="Base">The order line's base.</param>
/// <param name="Amount">The share of the period's pay allocated to this line, by its base.</param>
public readonly record struct StaffLine(string OrderLineId, string Rule, MemberId Staff, Money Base, Money Amount)
{
    /// <summary>The ledger key of this line.</summary>
    public Paying.CommissionKey Key => new(OrderLineId, Staff, Rule);
}
