using System.Collections.Immutable;

namespace CommunityModel.Orleans.Events;

/// <summary>
/// An order was paid: the order grain's first event. It keeps the attribution — the buyer's upline as it was at payment,
/// statuses included — so commissions and refunds are decided on what was true when the buyer paid.
/// </summary>
/// <param name="OrderId">The order, which is its one order line.</param>
/// <param name="Buyer">Who paid.</param>
/// <param name="Amount">What was paid.</param>
/// <param name="ProductId">The product, when the plan pays by product.</param>
/// <param name="Kind">The order's kind, when the plan excludes kinds.</param>
/// <param name="Period">The period the order belongs to (e.g. <c>2025-01</c>).</param>
/// <param name="AtMonthEnd">Whether its commission is settled by the period's month-end run rather than at checkout.</param>
/// <param name="Upline">The buyer first, then its sponsors up to the top, as they were at payment.</param>
/// <param name="OccurredAt">When it was paid.</param>
public sealed record OrderPaid(
    string OrderId,
    MemberId Buyer,
    Money Amount,
    string? ProductId,
    string? Kind,
    string Period,
    bool AtMonthEnd,
    ImmutableArray<UplineMember> Upline,
    DateTimeOffset OccurredAt) : IDomainEvent
{
    /// <summary>The order's rung on the product ladder, when the plan pays by ladder tier.</summary>
    public string? LadderTier { get; init; }

    /// <summary>
    /// The community order as it was paid — kind, play, and roles (the buyer's care team, the organiser of the activity the
    /// sale was made within) — which the plan is paid on through <c>CommunityRoleMap.CommissionableOrderOf</c>;
    /// <see langword="null"/> in an event stored before orders carried it.
    /// </summary>
    public CommunityOrder? Order { get; init; }
}
