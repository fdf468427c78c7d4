using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Staff;

/// <summary>What one role holder earns on an order line under a role split.</summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Rule">The rule id, <c>&lt;split&gt;/role-&lt;role&gt;</c>.</param>
/// <param name="Role">The role.</param>
/// <param name="Holder">Who held the role on the order.</param>
/// <param name="Reward">The rate or fixed amount applied.</param>
/// <param name="Base">The order line's base.</param>
/// <param name="Amount">The share, rounded by the split; never more than what was left of the base.</param>
public readonly record struct RoleLine(string OrderLineId, string Rule, string Role, MemberId Holder, LevelReward Reward, Money Base, Money Amount)
{
    /// <summary>The ledger key of this line.</summary>
    public Engine.CommissionKey Key => new(OrderLineId, Holder, Rule);
}
