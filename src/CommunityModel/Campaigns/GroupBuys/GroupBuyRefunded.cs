using System.Collections.Immutable;

namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>A group timed out short of its target: every participant got back all they paid, no order was placed and no commission paid.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="GroupId">The group.</param>
/// <param name="Refunds">One refund per participant, in the order they joined.</param>
/// <param name="OccurredAt">When.</param>
public sealed record GroupBuyRefunded(string PlayId, string GroupId, ImmutableArray<GroupBuyRefund> Refunds, DateTimeOffset OccurredAt) : IPlayEvent
{
    /// <summary>Whether both hold the same values, the lists item by item in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(GroupBuyRefunded? other) =>
        other is not null && PlayId == other.PlayId && GroupId == other.GroupId && OccurredAt == other.OccurredAt && Refunds.AsSpan().SequenceEqual(other.Refunds.AsSpan());

    /// <summary>A hash of the values and the lists' lengths.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(PlayId, GroupId, OccurredAt, Refunds.IsDefault ? 0 : Refunds.Length);
}
