using System.Collections.Immutable;

namespace CommunityModel.Commissions.Staff;

/// <summary>
/// A staff member's pay for a period and its allocation to the order lines that made it; always
/// <c>sum(Lines.Amount) == Pay.Total</c>, exactly.
/// </summary>
/// <param name="Staff">Who earns.</param>
/// <param name="Pay">The period's pay, explained by band.</param>
/// <param name="Lines">The pay allocated to each order line in proportion to its base, in the order the sales were given.</param>
public sealed record StaffPeriodPay(MemberId Staff, StaffPay Pay, ImmutableArray<StaffLine> Lines);
