using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.State;
using CommunityModel.Memberships;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// The month-end this sample ships. <see cref="Start"/> (1) reports the commission whose freeze ended since the last run
/// (the ledger makes an entry available by itself once <c>AvailableAt</c> passes; the run is where the business sees
/// it) and (2) fixes the withdrawals to pay: those requested before the run. <see cref="Continue"/> pays them, oldest
/// first, a few per transaction. <see cref="Close"/> (3) closes the community's period (<see cref="ClosePeriod"/>:
/// memberships whose last paid term ended expire and their members lapse, idle fans go dormant) and (4) records
/// <see cref="MonthEndClosed"/>.
/// </summary>
internal sealed class FreezeReleaseMonthEnd(IOptions<CommissionsOptions> commissions, TimeProvider time) : IMonthEnd
{
    public MonthEndStarted Start(CommandContext context, string period, string startedBy, Money? expectedPayout)
    {
        var state = context.State;
        var ledger = state.Ledger;
        var now = time.GetUtcNow();
        var previous = state.LastMonthEnd?.OccurredAt;
        var currency = commissions.Value.Ledger.Currency;

        // 2 first: a payout the admin did not expect changes nothing.
        var pending = ledger.PendingWithdrawals();
        var payout = Money.Sum(pending.Select(w => w.Amount), currency);
        if (expectedPayout is { } expected && expected != payout)
        {
            throw new CrmException(CrmErrorCodes.PayoutChanged, $"The run would pay {payout} over {pending.Length} withdrawals, not the {expected} expected; nothing was paid.", "expectedPayout");
        }

        // 1. What the freeze released since the previous run.
        var released = new List<ReleasedCommission>();
        foreach (var member in context.Community.Members.Select(m => m.Id).Order())
        {
            var amount = Money.Sum(
                ledger.EntriesOf(member).Where(e => e.AvailableAt <= now && (previous is null || e.AvailableAt > previous)).Select(e => e.Net),
                currency);
            if (!amount.IsZero)
            {
                released.Add(new ReleasedCommission(member, amount, ledger.BalanceOf(member).Available));
            }
        }

        var started = new MonthEndStarted(
            period, startedBy, previous, [.. released], Money.Sum(released.Select(r => r.Amount), currency), [.. pending.Select(w => w.WithdrawalId)], expectedPayout, now);
        context.Record(started);
        return started;
    }

    public bool Continue(CommandContext context, MonthEndStarted run, int limit)
    {
        // The run's withdrawals still pending, oldest first: one paid before a stop is never paid again.
        var ledger = context.State.Ledger;
        var due = run.Withdrawals.Where(id => context.State.Withdrawal(id)?.Status == Api.WithdrawalStatus.Requested).Take(limit).ToList();
        foreach (var id in due)
        {
            context.Record(ledger.MarkWithdrawalPaid(id));
        }

        return due.Count > 0;
    }

    public MonthEndClosed Close(CommandContext context, MonthEndStarted run)
    {
        // 3. The community's period: expiries (the members lapse) and dormancy.
        var closed = context.Execute(new ClosePeriod());
        MemberId[] expired = [.. closed.EventsOf<MembershipExpired>().Select(e => e.MemberId).Distinct()];

        // 4. The run's fact.
        var currency = commissions.Value.Ledger.Currency;
        var paid = Money.Sum(run.Withdrawals.Select(id => context.State.Withdrawal(id)).Where(w => w?.Status == Api.WithdrawalStatus.Paid).Select(w => w!.Amount), currency);
        var end = new MonthEndClosed(run.Period, run.ReleasedTotal, paid, time.GetUtcNow()) { ExpiredMemberships = expired };
        context.Record(end);
        return end;
    }
}
