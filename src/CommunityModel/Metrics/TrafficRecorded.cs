namespace CommunityModel.Metrics;

/// <summary>
/// Visits that reached a channel (流量): one visit, or a count reported by an ad platform or a group tool for a moment.
/// The traffic of the traditional formula sales = traffic × conversion × average order value.
/// </summary>
/// <param name="Channel">The channel the visits came to; matches <see cref="PurchaseMade.Channel"/>.</param>
/// <param name="Visits">How many visits; zero or more.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TrafficRecorded(string Channel, long Visits, DateTimeOffset OccurredAt) : IDomainEvent;
