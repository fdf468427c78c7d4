namespace CommunityModel.Memberships;

/// <summary>A member bought a first term of a tier (or a new one after lapsing or a refund). Stage: the buyer becomes a Member.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="TierId">The tier bought.</param>
/// <param name="Term">The term bought.</param>
/// <param name="Paid">The cash paid.</param>
/// <param name="CreditApplied">Credit left over from an earlier upgrade used towards the price.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="PriceReason">Why the term was sold below the tier's price (a discount or a complimentary term); null at the tier's price.</param>
/// <param name="OrderId">The order that paid for it, when the sale came through the <see cref="Community"/>; null otherwise.</param>
public sealed record MembershipPurchased(MemberId MemberId, string TierId, TermPeriod Term, Money Paid, Money CreditApplied, DateTimeOffset OccurredAt, string? PriceReason = null, string? OrderId = null) : IMembershipEvent;
