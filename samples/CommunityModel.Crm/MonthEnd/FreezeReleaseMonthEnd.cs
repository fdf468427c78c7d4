using System.Globalization;
using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.State;
using CommunityModel.Memberships;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// The month-end this sample ships: (1) reports the commission whose freeze ended since the last run
/// (the ledger makes an entry available by itself once <c>AvailableAt</c> passes; the run is where the
/// business sees it), (2) pays the withdrawals requested before the run, (3) closes the community's period
/// (<see cref="ClosePeriod"/>: memberships whose last paid term ended expire and their members lapse, idle fans go
/// dormant), and (4) records <see cref="MonthEndClosed"/>.
/// </summary>
internal sealed class FreezeReleaseMonthEnd(MembershipDesk desk, IOptions<CommissionsOptions> commissions, TimeProvider time) : IMonthEnd
{
    public MonthEndReport Close(CommandContext context)
    {
        var state = context.State;
        var ledger = state.Ledger;
        var now = time.GetUtcNow();
        var previous = state.LastMonthEnd?.OccurredAt;
        var currency = commissions.Value.Ledger.Currency;
        var members = context.Community.Members.Select(m => m.Id).Order().ToArray();

        // 1. What the freeze released since the previous run.
        var released = new List<ReleasedCommission>();
        foreach (var member in members)
        {
            var amount = Money.Sum(
                ledger.EntriesOf(member).Where(e => e.AvailableAt <= now && (previous is null || e.AvailableAt > previous)).Select(e => e.Net),
                currency);
            if (!amount.IsZero)
            {
                released.Add(new ReleasedCommission(member, amount, ledger.BalanceOf(member).Available));
            }
        }

        // 2. Pay the withdrawals requested before the run, oldest first.
        var paid = new List<WithdrawalView>();
        foreach (var request in ledger.PendingWithdrawals())
        {
            context.Record(ledger.MarkWithdrawalPaid(request.WithdrawalId));
            paid.Add(WithdrawalView.Of(request, replayed: false));
        }

        // 3. The community's period: expiries (the members lapse) and dormancy.
        var closed = context.Execute(new ClosePeriod());
        MemberId[] expired = [.. closed.EventsOf<MembershipExpired>().Select(e => e.MemberId).Distinct()];

        var period = desk.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var releasedTotal = Money.Sum(released.Select(r => r.Amount), currency);
        context.Record(new MonthEndClosed(period, releasedTotal, Money.Sum(paid.Select(p => p.Amount), currency), now));
        return new MonthEndReport(period, now, previous, [.. released], releasedTotal, [.. paid], expired);
    }
}
