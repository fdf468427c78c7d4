using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Engine;

/// <summary>One commission paid on an order line, explaining itself: rule, level, rate or amount, base, beneficiary and the members compressed past.</summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Rule">The rule id, e.g. <c>standard/level-1</c>.</param>
/// <param name="Level">The level paid, 1 for the buyer's nearest eligible upline.</param>
/// <param name="Beneficiary">Who earns.</param>
/// <param name="Reward">The rate or fixed amount applied.</param>
/// <param name="Source">Whether the reward came from the plan, a tier or a product override.</param>
/// <param name="Base">The commissionable base of the order line.</param>
/// <param name="Amount">The commission, rounded by the plan; never more than what was left of the base.</param>
/// <param name="CompressedPast">Ineligible uplines skipped to reach the beneficiary (compression), nearest first; empty when none.</param>
public readonly record struct CommissionLine(
    string OrderLineId,
    string Rule,
    int Level,
    MemberId Beneficiary,
    LevelReward Reward,
    RewardSource Source,
    Money Base,
    Money Amount,
    ImmutableArray<MemberId> CompressedPast)
{
    /// <summary>The ledger key of this line.</summary>
    public CommissionKey Key => new(OrderLineId, Beneficiary, Rule);
}
