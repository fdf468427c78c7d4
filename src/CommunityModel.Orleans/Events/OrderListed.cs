namespace CommunityModel.Orleans.Events;

/// <summary>An order paid in a period and settled at month-end was listed for that period's run.</summary>
/// <param name="OrderId">The order (its one order line).</param>
/// <param name="OccurredAt">When it was listed.</param>
public sealed record OrderListed(string OrderId, DateTimeOffset OccurredAt) : IDomainEvent;
