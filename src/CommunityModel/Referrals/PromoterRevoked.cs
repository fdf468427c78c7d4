namespace CommunityModel.Referrals;

/// <summary>A member's promoter rights gained by <see cref="PromoterQualified"/> were taken away, with the reason given.</summary>
/// <param name="Member">The member.</param>
/// <param name="Reason">Why: a refund of the qualifying order, a removal, or a decision of the business.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record PromoterRevoked(MemberId Member, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
