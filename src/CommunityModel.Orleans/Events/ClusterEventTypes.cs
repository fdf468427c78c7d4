using System.Collections.Immutable;
using CommunityModel.Commissions.Persistence;
using CommunityModel.Persistence;

namespace CommunityModel.Orleans.Events;

/// <summary>The stable, versioned names of the cluster's own events, and the registry of every event a cluster stores.</summary>
public static class ClusterEventTypes
{
    /// <summary>Every event type of the cluster package.</summary>
    public static ImmutableArray<EventType> All { get; } =
    [
        new("cluster.member_listed.v1", ClusterJsonContext.Default.MemberListed),
        new("cluster.order_listed.v1", ClusterJsonContext.Default.OrderListed),
        new("cluster.order_paid.v1", ClusterJsonContext.Default.OrderPaid),
        new("cluster.follow_ups_delivered.v1", ClusterJsonContext.Default.FollowUpsDelivered),
        new("cluster.month_end_computed.v1", ClusterJsonContext.Default.MonthEndComputed),
        new("cluster.follow_ups_recorded.v1", ClusterJsonContext.Default.FollowUpsRecorded),
        new("cluster.play_order_reserved.v1", ClusterJsonContext.Default.PlayOrderReserved),
        new("cluster.refund_id_taken.v1", ClusterJsonContext.Default.RefundIdTaken),
    ];

    /// <summary>A registry of the community's, the commissions' and the cluster's events: what a cluster's event store reads and writes.</summary>
    /// <returns>The registry.</returns>
    public static EventTypeRegistry Registry() => new([.. CommunityEventTypes.All, .. CommissionEventTypes.All, .. All]);
}
