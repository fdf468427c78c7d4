using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using FsCheck;
using FsCheck.Fluent;

namespace CommunityModel.Tests.Metrics;

/// <summary>Builds event streams for the metrics tests; times are local to Asia/Shanghai (UTC+8).</summary>
internal static class Stream
{
    internal static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    internal static DateTimeOffset At(int month, int day, int hour = 10, int minute = 0) => new(2026, month, day, hour, minute, 0, Shanghai);

    internal static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 10, 0, 0, Shanghai);

    internal static MemberTransitioned Registered(long member, DateTimeOffset at, LifecycleStage stage = LifecycleStage.Prospect) =>
        new(member, stage, stage, LifecycleTrigger.Registered, null, at, 1, []);

    internal static MemberTransitioned Moved(long member, LifecycleStage from, LifecycleStage to, DateTimeOffset at, LifecycleTrigger trigger = LifecycleTrigger.JoinedLeadGroup, params LifecycleStage[] passed) =>
        new(member, from, to, trigger, null, at, 2, [.. passed]);

    internal static ActivityRecorded Active(long member, DateTimeOffset at) => new(member, at);

    internal static PurchaseMade Bought(long member, decimal yuan, DateTimeOffset at, string channel = "lead-group") => new(member, Money.Cny(yuan), channel, at);

    internal static ProductPurchased Product(long member, string orderId, decimal yuan, DateTimeOffset at, LadderTier tier = LadderTier.Entry) =>
        new(member, orderId, "course-" + orderId, ProductKind.OnlineCourse, tier, Money.Cny(yuan), Money.Cny(yuan), at);

    internal static ProductRefunded Refund(long member, string orderId, decimal yuan, DateTimeOffset at) => new(member, orderId, "refund-" + orderId, Money.Cny(yuan), at);

    internal static MembershipTermStarted Term(long member, string tier, DateTimeOffset starts, DateTimeOffset ends) => new(member, tier, starts, ends, starts);

    internal static IDomainEvent[] Ordered(params IDomainEvent[] events) => [.. events.OrderBy(e => e.OccurredAt.UtcTicks)];

    /// <summary>Random, time-ordered streams over 90 days from 1 February (Shanghai), each event made by <paramref name="event"/> from its instant and a random seed.</summary>
    internal static Arbitrary<IDomainEvent[]> Random(Func<DateTimeOffset, int, IDomainEvent> @event)
    {
        var origin = new DateTimeOffset(2026, 2, 1, 0, 0, 0, Shanghai);
        return Gen.Choose(0, 90 * 24 * 60 - 1)
            .SelectMany(minute => Gen.Choose(0, int.MaxValue - 1).Select(seed => @event(origin.AddMinutes(minute), seed)))
            .ArrayOf()
            .Select(events => events.OrderBy(e => e.OccurredAt.UtcTicks).ToArray())
            .ToArbitrary();
    }
}
