namespace CommunityModel.Credits;

/// <summary>
/// A sponsor earned credits for a paid order of a member they referred. The credits first pay any debt left by earlier
/// reversals; the rest form a lot that expires at <paramref name="ExpiresAt"/>.
/// </summary>
/// <param name="Member">The sponsor who earned the credits.</param>
/// <param name="Referred">The referred member who paid.</param>
/// <param name="OrderId">The referred member's order; it names the lot.</param>
/// <param name="Item">What the referred member bought: a membership tier or a catalog product.</param>
/// <param name="Paid">What the referred member paid; a refund takes back credits in proportion to it.</param>
/// <param name="ForReferral">Credits for a successful referral: the referred member's first paid order.</param>
/// <param name="ForPurchase">Credits for the purchase: the fixed credits plus the rate of the amount paid.</param>
/// <param name="ForItem">Credits for the item bought (e.g. more for KA).</param>
/// <param name="ExpiresAt">When the lot expires; <see langword="null"/> when credits never expire.</param>
/// <param name="OccurredAt">When the credits were earned.</param>
public sealed record CreditsEarned(
    MemberId Member,
    MemberId Referred,
    string OrderId,
    string Item,
    Money Paid,
    long ForReferral,
    long ForPurchase,
    long ForItem,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset OccurredAt) : ICreditEvent
{
    /// <summary>All the credits earned: <see cref="ForReferral"/> + <see cref="ForPurchase"/> + <see cref="ForItem"/>.</summary>
    public long Credits => ForReferral + ForPurchase + ForItem;
}
