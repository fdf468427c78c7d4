using CommunityModel.Memberships;

namespace CommunityModel.Crm.Api;

/// <summary>A membership as of today (in the plan's time zone).</summary>
/// <param name="Tier">The tier id.</param>
/// <param name="Status">Active, expired or refunded.</param>
/// <param name="PaidThrough">The end of the last paid term (exclusive).</param>
/// <param name="IsPromoter">Whether the member holds promoter rights (gift pack).</param>
/// <param name="ShoppingDiscount">The promoter's shopping discount.</param>
/// <param name="TotalPaid">Everything paid for the membership.</param>
/// <param name="TotalRefunded">Everything refunded.</param>
/// <param name="Credit">Upgrade credit not yet used.</param>
/// <param name="ScheduledTier">A tier change scheduled for the end of the paid terms.</param>
/// <param name="Entitlements">What the membership entitles to, and what is left.</param>
public sealed record MembershipView(
    string Tier,
    MembershipStatus Status,
    DateOnly PaidThrough,
    bool IsPromoter,
    Rate ShoppingDiscount,
    Money TotalPaid,
    Money TotalRefunded,
    Money Credit,
    string? ScheduledTier,
    EntitlementView[] Entitlements)
{
    /// <summary>The view of a membership.</summary>
    /// <param name="m">The membership, brought up to today.</param>
    /// <returns>The view.</returns>
    public static MembershipView Of(Membership m) => new(
        m.TierId, m.Status, m.PaidThrough, m.IsPromoter, m.ShoppingDiscount, m.TotalPaid, m.TotalRefunded, m.Credit, m.ScheduledTierId,
        [.. m.Entitlements.Select(l => new EntitlementView(l.ProductId, l.Quantity, l.Consumed, l.Remaining, l.Validity.Start, l.Validity.End))]);
}
