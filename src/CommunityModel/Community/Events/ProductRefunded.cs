namespace CommunityModel;

/// <summary>A product order was refunded, wholly or in part.</summary>
/// <param name="Member">The buyer.</param>
/// <param name="OrderId">The product order refunded.</param>
/// <param name="RefundId">The refund id, unique in the community.</param>
/// <param name="Amount">What was given back; positive and at most what is left of the order.</param>
/// <param name="OccurredAt">When the refund was made.</param>
public sealed record ProductRefunded(MemberId Member, string OrderId, string RefundId, Money Amount, DateTimeOffset OccurredAt) : IDomainEvent;
