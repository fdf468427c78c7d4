using CommunityModel.Crm.Api;

namespace CommunityModel.Crm.MonthEnd;

/// <summary>What a month-end run did; a repeated request for the period answers the same report with <paramref name="Replayed"/> set.</summary>
/// <param name="Period">The month closed, in the plan's time zone (<c>2026-03</c>).</param>
/// <param name="ClosedAt">When.</param>
/// <param name="PreviousClosedAt">When the previous run closed, if any.</param>
/// <param name="Released">Per member, the commission whose freeze ended since the previous run.</param>
/// <param name="ReleasedTotal">Their sum.</param>
/// <param name="PaidWithdrawals">The withdrawals paid.</param>
/// <param name="PaidOut">Their sum.</param>
/// <param name="ExpiredMemberships">Members whose membership ended.</param>
/// <param name="Replayed">True when the period was closed before this request: nothing changed.</param>
public sealed record MonthEndReport(
    string Period,
    DateTimeOffset ClosedAt,
    DateTimeOffset? PreviousClosedAt,
    ReleasedCommission[] Released,
    Money ReleasedTotal,
    WithdrawalView[] PaidWithdrawals,
    Money PaidOut,
    MemberId[] ExpiredMemberships,
    bool Replayed);
