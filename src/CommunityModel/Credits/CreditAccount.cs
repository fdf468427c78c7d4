using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CommunityModel.Credits;

/// <summary>
/// One member's credits: the lots held, the debt left by reversals, and the totals. Credits are conserved:
/// <see cref="Earned"/> = <see cref="Redeemed"/> + <see cref="Expired"/> + <see cref="Reversed"/> + <see cref="Balance"/>.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Lots">The lots held, oldest first.</param>
/// <param name="Debt">Credits taken back that the member no longer held; later earnings pay it first. Never both a debt and lots.</param>
/// <param name="Earned">All credits earned.</param>
/// <param name="Redeemed">All credits spent on redemptions.</param>
/// <param name="Expired">All credits that expired.</param>
/// <param name="Reversed">All credits taken back by refunds.</param>
public sealed record CreditAccount(MemberId Member, ImmutableArray<CreditLot> Lots, long Debt, long Earned, long Redeemed, long Expired, long Reversed)
{
    /// <summary>The credits held less the debt; negative while a debt is unpaid.</summary>
    [JsonIgnore]
    public long Balance => Lots.Sum(l => l.Remaining) - Debt;

    /// <summary>The credits that can be spent at a moment: the lots not yet expired, less the debt.</summary>
    /// <param name="now">The moment.</param>
    /// <returns>The credits available; negative while a debt is unpaid.</returns>
    public long AvailableAt(DateTimeOffset now) => Lots.Where(l => !l.IsExpiredAt(now)).Sum(l => l.Remaining) - Debt;

    /// <summary>An account that never held credits.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The empty account.</returns>
    public static CreditAccount Empty(MemberId member) => new(member, [], 0, 0, 0, 0, 0);
}
