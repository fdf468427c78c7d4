using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// What a plan pays on one order line, fixed at order time: levels, then differential, then peer bonus, then roles, each
/// line explained, and what the company retains. Always <c>sum(Lines.Amount) + CompanyRetained == Base</c>, exactly.
/// <see cref="Ledger.CommissionLedger.Accrue(OrderCommission, DateTimeOffset)"/> takes it as it is.
/// </summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Buyer">Who bought (the seller whose sale it is).</param>
/// <param name="Plan">The plan's name.</param>
/// <param name="AmountPaid">What the buyer paid (refunds are proportional to it).</param>
/// <param name="Base">The commissionable base.</param>
/// <param name="Lines">The lines, in the plan's order: levels nearest first, then differential and peer lines up the upline, then role and staff lines in the plan's role order.</param>
/// <param name="CompanyRetained">What no one earned (breakage, forfeits and what the cap held back).</param>
/// <param name="Cap">The cap amount when the cap bound and the lines were scaled down to it; <see langword="null"/> otherwise.</param>
public sealed record OrderCommission(
    string OrderLineId,
    MemberId Buyer,
    string Plan,
    Money AmountPaid,
    Money Base,
    ImmutableArray<CommissionLine> Lines,
    Money CompanyRetained,
    Money? Cap)
{
    /// <summary>Levels forfeited because their upline may not earn (the plan forfeits rather than compresses); empty when none.</summary>
    public ImmutableArray<ForfeitedLevel> Forfeited { get; init; } = [];

    /// <summary>The plan's roles this order named no holder for, in the plan's order; their shares stay with the company. Empty when none.</summary>
    public ImmutableArray<string> UnfilledRoles { get; init; } = [];

    /// <summary>Why the order earns nothing under any rule (an excluded product or order kind), <see langword="null"/> when it earns.</summary>
    public string? Exclusion { get; init; }

    /// <summary>The total paid to members.</summary>
    public Money TotalPaid => Base.Subtract(CompanyRetained);
}
