namespace CommunityModel.Crm.MonthEnd;

/// <summary>The CRM's own fact: a month-end run closed a period. The next run releases what matured after <see cref="OccurredAt"/>.</summary>
/// <param name="Period">The closed month in the plan's time zone, e.g. <c>2026-03</c>.</param>
/// <param name="Released">Commission whose freeze ended since the previous run.</param>
/// <param name="PaidOut">Withdrawals this run paid.</param>
/// <param name="OccurredAt">When the run closed.</param>
public sealed record MonthEndClosed(string Period, Money Released, Money PaidOut, DateTimeOffset OccurredAt) : IDomainEvent
{
    /// <summary>Members whose membership the run expired; null on a run stored before the CRM recorded them.</summary>
    public MemberId[]? ExpiredMemberships { get; init; }
}
