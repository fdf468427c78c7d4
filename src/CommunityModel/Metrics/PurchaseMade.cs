namespace CommunityModel.Metrics;

/// <summary>
/// A paid purchase, as the metrics read it: who paid how much, on which channel, when. Feeds sales, revenue,
/// repeat purchase, new customers and activity. The membership and catalog events map onto it (one per paid order).
/// </summary>
/// <param name="Member">The buyer.</param>
/// <param name="Amount">What was paid; positive, in <see cref="MetricsOptions.Currency"/>.</param>
/// <param name="Channel">Where the sale came from, e.g. <c>lead-group</c>, <c>live-class</c>, <c>referral</c>, <c>ads</c>.</param>
/// <param name="OccurredAt">When it was paid.</param>
public sealed record PurchaseMade(MemberId Member, Money Amount, string Channel, DateTimeOffset OccurredAt) : IDomainEvent;
