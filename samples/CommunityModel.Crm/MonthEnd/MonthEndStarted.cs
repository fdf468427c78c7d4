namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// The CRM's own fact: a month-end run of a period began. It fixes what the run reports and the withdrawals it pays, so
/// a process that stops mid-run finishes exactly this work when it starts again, paying each withdrawal once.
/// </summary>
/// <param name="Period">The month closed, in the plan's time zone (<c>2026-03</c>).</param>
/// <param name="StartedBy">The account that asked; the run's later steps are stored under it too.</param>
/// <param name="PreviousClosedAt">When the previous run closed, if any.</param>
/// <param name="Released">Per member, the commission whose freeze ended since the previous run.</param>
/// <param name="ReleasedTotal">Their sum.</param>
/// <param name="Withdrawals">The ids of the withdrawals the run pays, oldest first: those pending when it began.</param>
/// <param name="ExpectedPayout">The payout the admin asked the run to check, or null when the request named none.</param>
/// <param name="OccurredAt">When the run began.</param>
public sealed record MonthEndStarted(
    string Period,
    string StartedBy,
    DateTimeOffset? PreviousClosedAt,
    ReleasedCommission[] Released,
    Money ReleasedTotal,
    string[] Withdrawals,
    Money? ExpectedPayout,
    DateTimeOffset OccurredAt) : IDomainEvent;
