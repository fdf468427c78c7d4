namespace CommunityModel.Orleans.Events;

/// <summary>A member was listed in a partition of the member directory, which the month-end reads to export the network.</summary>
/// <param name="Member">The member.</param>
/// <param name="OccurredAt">When it was listed.</param>
public sealed record MemberListed(MemberId Member, DateTimeOffset OccurredAt) : IDomainEvent;
