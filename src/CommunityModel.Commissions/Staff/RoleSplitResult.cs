using System.Collections.Immutable;

namespace CommunityModel.Commissions.Staff;

/// <summary>
/// An order line split between organisational roles; always <c>sum(Lines.Amount) + CompanyRetained == Base</c>, exactly.
/// </summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Base">The order line's base.</param>
/// <param name="Lines">What each role holder earns, in the split's role order.</param>
/// <param name="Unfilled">Roles the order named no holder for; their shares stay with the company.</param>
/// <param name="CompanyRetained">The base minus every line.</param>
public sealed record RoleSplitResult(string OrderLineId, Money Base, ImmutableArray<RoleLine> Lines, ImmutableArray<string> Unfilled, Money CompanyRetained);
