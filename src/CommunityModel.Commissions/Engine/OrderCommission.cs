using System.Collections.Immutable;

namespace CommunityModel.Commissions.Engine;

/// <summary>
/// The commission computed for one order line, fixed at order time: the lines paid and what the
/// company retains. Always <c>sum(Lines.Amount) + CompanyRetained == Base</c>, exactly.
/// </summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Buyer">Who bought.</param>
/// <param name="Plan">The plan's name.</param>
/// <param name="AmountPaid">What the buyer paid (refunds are proportional to it).</param>
/// <param name="Base">The commissionable base.</param>
/// <param name="Lines">The commissions paid, level 1 first.</param>
/// <param name="CompanyRetained">What no one earned: the base minus every line.</param>
/// <param name="Forfeited">Levels forfeited because their upline may not earn; empty when none.</param>
/// <param name="Exclusion">Why the order earns nothing (an excluded product or order kind); <see langword="null"/> otherwise.</param>
public sealed record OrderCommission(
    string OrderLineId,
    MemberId Buyer,
    string Plan,
    Money AmountPaid,
    Money Base,
    ImmutableArray<CommissionLine> Lines,
    Money CompanyRetained,
    ImmutableArray<ForfeitedLevel> Forfeited,
    string? Exclusion)
{
    /// <summary>The total paid to members.</summary>
    public Money TotalPaid => Base.Subtract(CompanyRetained);
}
