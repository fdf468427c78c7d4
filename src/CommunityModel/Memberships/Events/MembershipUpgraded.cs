namespace CommunityModel.Memberships;

/// <summary>A member moved to a dearer tier at once (e.g. VIP → KA); it follows the <see cref="UpgradeCredited"/> event.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="FromTierId">The tier left.</param>
/// <param name="ToTierId">The tier joined.</param>
/// <param name="Term">The term of the new tier.</param>
/// <param name="Price">The price of that term (the new tier's price, prorated when the term end is kept).</param>
/// <param name="CreditApplied">The part of the credit (and of earlier credit) used towards the price; what is left stays as credit.</param>
/// <param name="Charged">The cash paid: the price minus the credit applied.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="OrderId">The order that paid for it, when the sale came through the <see cref="Community"/>; null otherwise.</param>
public sealed record MembershipUpgraded(MemberId MemberId, string FromTierId, string ToTierId, TermPeriod Term, Money Price, Money CreditApplied, Money Charged, DateTimeOffset OccurredAt, string? OrderId = null) : IMembershipEvent;
