namespace CommunityModel.Orleans.Events;

/// <summary>
/// The first <paramref name="Count"/> follow-ups of a stream (its commission accruals and reversals, in order) reached the
/// grains they concern. Those after it are delivered again after a crash; receivers ignore what they already hold.
/// </summary>
/// <param name="Count">How many follow-ups of the stream are delivered, from the first.</param>
/// <param name="OccurredAt">When the delivery was confirmed.</param>
public sealed record FollowUpsDelivered(int Count, DateTimeOffset OccurredAt) : IDomainEvent;
