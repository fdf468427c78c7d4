namespace CommunityModel.Orleans.Events;

/// <summary>A refund id names a refund of this member: one refund id names one refund across the cluster.</summary>
/// <param name="RefundId">The refund id.</param>
/// <param name="Member">The member whose stream holds the refund.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record RefundIdTaken(string RefundId, MemberId Member, DateTimeOffset OccurredAt) : IDomainEvent;
