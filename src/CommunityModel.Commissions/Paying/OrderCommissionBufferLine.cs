using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// One line of an <see cref="OrderCommissionBuffer"/>: who earns what under which rule. The same line as the
/// <see cref="CommissionLine"/> at the same position of <see cref="OrderCommission.Lines"/>, without the details
/// only the explained record carries (rank, basis, compressions, the peer's holder, role bands).
/// </summary>
/// <param name="Beneficiary">Who earns: an upline member, or the holder the order names for a role.</param>
/// <param name="Rule">The rule's id in the plan (<see cref="CommissionLine.Rule"/>).</param>
/// <param name="Kind">The rule kind.</param>
/// <param name="Ordinal">The level, rank level, generation or role position (1-based), by <paramref name="Kind"/>.</param>
/// <param name="Amount">What the line pays.</param>
/// <param name="UncappedAmount">What it would have paid without the plan's cap.</param>
/// <param name="Capped">Whether the cap scaled the line down.</param>
public readonly record struct OrderCommissionBufferLine(MemberId Beneficiary, string Rule, CommissionRuleKind Kind, int Ordinal, Money Amount, Money UncappedAmount, bool Capped);
