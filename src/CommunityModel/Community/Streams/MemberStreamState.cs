using System.Collections.Immutable;

namespace CommunityModel;

/// <summary>
/// Everything one member's stream holds: the member (value chain, membership and entitlements, member number, promoter
/// status), the member's sponsor, orders and refunds. Small enough for one grain or one row; built by
/// <see cref="MemberStream.Evolve"/> from the stream's events, and by <see cref="Community"/> from its own state.
/// </summary>
/// <param name="Id">The member id.</param>
/// <param name="Member">The member; <see langword="null"/> until the member is registered.</param>
/// <param name="Sponsor">The member's sponsor now, or the empty id.</param>
/// <param name="Orders">The member's orders, in the order they were taken.</param>
/// <param name="Refunds">The refunds the member was given, in order.</param>
public sealed record MemberStreamState(
    MemberId Id,
    CommunityMember? Member,
    MemberId Sponsor,
    ImmutableArray<CommunityOrder> Orders,
    ImmutableArray<CommunityRefund> Refunds)
{
    /// <summary>The stream of a member not registered yet.</summary>
    /// <param name="id">The member id.</param>
    /// <returns>The empty state.</returns>
    public static MemberStreamState Empty(MemberId id) => new(id, null, default, [], []);

    /// <summary>Whether the member is registered.</summary>
    public bool IsRegistered => Member is not null;

    /// <summary>One of the member's orders.</summary>
    /// <param name="orderId">The order id.</param>
    /// <returns>The order, or <see langword="null"/> when the member has no such order.</returns>
    public CommunityOrder? Order(string orderId)
    {
        foreach (var order in Orders.IsDefault ? [] : Orders)
        {
            if (string.Equals(order.OrderId, orderId, StringComparison.Ordinal))
            {
                return order;
            }
        }

        return null;
    }

    /// <summary>One of the member's refunds.</summary>
    /// <param name="refundId">The refund id.</param>
    /// <returns>The refund, or <see langword="null"/> when the member has no such refund.</returns>
    public CommunityRefund? Refund(string refundId)
    {
        foreach (var refund in Refunds.IsDefault ? [] : Refunds)
        {
            if (string.Equals(refund.RefundId, refundId, StringComparison.Ordinal))
            {
                return refund;
            }
        }

        return null;
    }
}
