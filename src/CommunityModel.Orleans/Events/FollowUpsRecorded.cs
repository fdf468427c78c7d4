using System.Collections.Immutable;

namespace CommunityModel.Orleans.Events;

/// <summary>
/// What a member's decision asks of other grains, stored in the same append as the decision's events: the grain delivers
/// them in order and records <see cref="FollowUpsDelivered"/>; after a crash the undelivered tail is sent again.
/// </summary>
/// <param name="FollowUps">The follow-ups, in the order decided.</param>
/// <param name="OccurredAt">When they were decided.</param>
public sealed record FollowUpsRecorded(ImmutableArray<MemberFollowUp> FollowUps, DateTimeOffset OccurredAt) : IDomainEvent;
