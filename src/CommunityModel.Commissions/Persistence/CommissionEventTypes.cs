using System.Collections.Immutable;
using CommunityModel.Persistence;

namespace CommunityModel.Commissions.Persistence;

/// <summary>
/// The stable, versioned name of every event of the commissions package, with its metadata from
/// <see cref="CommissionsJsonContext"/>. Give it to an <see cref="EventTypeRegistry"/> with <see cref="CommunityEventTypes.All"/>.
/// </summary>
public static class CommissionEventTypes
{
    /// <summary>Every event type of the commissions package.</summary>
    public static ImmutableArray<EventType> All { get; } =
    [
        new("commissions.commission_accrued.v1", CommissionsJsonContext.Default.CommissionAccrued),
        new("commissions.refund_recorded.v1", CommissionsJsonContext.Default.RefundRecorded),
        new("commissions.commission_reversed.v1", CommissionsJsonContext.Default.CommissionReversed),
        new("commissions.withdrawal_requested.v1", CommissionsJsonContext.Default.WithdrawalRequested),
        new("commissions.withdrawal_paid.v1", CommissionsJsonContext.Default.WithdrawalPaid),
        new("commissions.withdrawal_rejected.v1", CommissionsJsonContext.Default.WithdrawalRejected),
    ];
}
