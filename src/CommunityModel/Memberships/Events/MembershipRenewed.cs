namespace CommunityModel.Memberships;

/// <summary>
/// A member paid for another term (续费). When renewed before the end or inside the grace period the
/// new term starts where the last one ends; otherwise it starts on the day of renewal. Stage: a lapsed
/// member is a Member again.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="TierId">The tier of the new term (a scheduled downgrade or upgrade applies here).</param>
/// <param name="Term">The new term.</param>
/// <param name="Paid">The cash paid.</param>
/// <param name="CreditApplied">Credit left over from an earlier upgrade used towards the price.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="PriceReason">Why the term was sold below the tier's price (a discount or a complimentary term); null at the tier's price.</param>
/// <param name="OrderId">The order that paid for it, when the sale came through the <see cref="Community"/>; null otherwise.</param>
public sealed record MembershipRenewed(MemberId MemberId, string TierId, TermPeriod Term, Money Paid, Money CreditApplied, DateTimeOffset OccurredAt, string? PriceReason = null, string? OrderId = null) : IMembershipEvent;
