using System.Collections.Immutable;
using CommunityModel.Commissions.Engine;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Team;

/// <summary>
/// What a combined plan pays on one order line: levels, then differential, then peer bonus, then roles, each line explained,
/// and what the company retains. Always <c>sum(Lines.Amount) + CompanyRetained == Base</c>, exactly.
/// </summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Buyer">Who bought (the seller whose sale it is).</param>
/// <param name="Plan">The plan's name.</param>
/// <param name="AmountPaid">What the buyer paid.</param>
/// <param name="Base">The commissionable base.</param>
/// <param name="Lines">The lines, in the plan's order: levels nearest first, then differential and peer lines up the upline, then role and staff lines in the plan's role order.</param>
/// <param name="CompanyRetained">What no one earned (breakage, forfeits and what the cap held back).</param>
/// <param name="Cap">The cap amount when the cap bound and the lines were scaled down to it; <see langword="null"/> otherwise.</param>
public sealed record OrderCompensation(
    string OrderLineId,
    MemberId Buyer,
    string Plan,
    Money AmountPaid,
    Money Base,
    ImmutableArray<CompensationLine> Lines,
    Money CompanyRetained,
    Money? Cap)
{
    /// <summary>Levels forfeited because their upline may not earn (the plan forfeits rather than compresses); empty when none.</summary>
    public ImmutableArray<ForfeitedLevel> Forfeited { get; init; } = [];

    /// <summary>The plan's roles this order named no holder for, in the plan's order; their shares stay with the company. Empty when none.</summary>
    public ImmutableArray<string> UnfilledRoles { get; init; } = [];

    /// <summary>Why the order earns nothing under any rule (an excluded product or order kind), as <see cref="OrderCommission.Exclusion"/>; <see langword="null"/> when it earns.</summary>
    public string? Exclusion { get; init; }

    /// <summary>The total paid to members.</summary>
    public Money TotalPaid => Base.Subtract(CompanyRetained);

    /// <summary>
    /// The same lines as the multi-level <see cref="OrderCommission"/> the <see cref="Ledger.CommissionLedger"/> accrues:
    /// each line's rule id keeps its ledger key unique, its ordinal becomes the level (a role's position for role and staff lines,
    /// which the ledger accrues and claws back like any line). Lines the cap took to zero are left out.
    /// </summary>
    /// <returns>The commission to accrue.</returns>
    public OrderCommission ToOrderCommission()
    {
        var lines = ImmutableArray.CreateBuilder<CommissionLine>(Lines.Length);
        foreach (var line in Lines)
        {
            if (line.Amount.IsPositive)
            {
                lines.Add(new CommissionLine(OrderLineId, line.Rule, line.Ordinal, line.Beneficiary, line.Reward, line.Source, Base, line.Amount, line.CompressedPast));
            }
        }

        return new OrderCommission(OrderLineId, Buyer, Plan, AmountPaid, Base, lines.ToImmutable(), CompanyRetained, Forfeited, Exclusion);
    }
}
