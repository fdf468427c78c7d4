using System.Globalization;
using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.State;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// The month-end this sample ships: (1) reports the commission whose freeze ended since the last run
/// (the ledger makes an entry available by itself once <c>AvailableAt</c> passes; the run is where the
/// business sees it), (2) pays the withdrawals requested before the run, (3) expires memberships whose
/// last paid term ended and moves those members to Lapsed, and (4) records <see cref="MonthEndClosed"/>.
/// </summary>
internal sealed class FreezeReleaseMonthEnd(MembershipDesk desk, ValueChain chain, IOptions<CommissionsOptions> commissions, TimeProvider time) : IMonthEnd
{
    public MonthEndReport Close(CommandContext context)
    {
        var community = context.Community;
        var now = time.GetUtcNow();
        var previous = community.LastMonthEnd?.OccurredAt;
        var currency = commissions.Value.Ledger.Currency;
        var members = community.Lifecycles.Keys.Order().ToArray();

        // 1. What the freeze released since the previous run.
        var released = new List<ReleasedCommission>();
        foreach (var member in members)
        {
            var amount = Money.Sum(
                community.Ledger.EntriesOf(member).Where(e => e.AvailableAt <= now && (previous is null || e.AvailableAt > previous)).Select(e => e.Net),
                currency);
            if (!amount.IsZero)
            {
                released.Add(new ReleasedCommission(member, amount, community.Ledger.BalanceOf(member).Available));
            }
        }

        // 2. Pay the withdrawals requested before the run, oldest first.
        var paid = new List<WithdrawalView>();
        foreach (var request in community.Ledger.PendingWithdrawals())
        {
            context.Record(community.Ledger.MarkWithdrawalPaid(request.WithdrawalId));
            paid.Add(WithdrawalView.Of(request, replayed: false));
        }

        // 3. Memberships whose last paid term ended expire; their members lapse.
        var expired = new List<MemberId>();
        foreach (var member in members)
        {
            if (context.MembershipOf(member) is not { } membership)
            {
                continue;
            }

            var change = desk.Refresh(membership);
            if (change.Events.IsEmpty)
            {
                continue;
            }

            context.Apply(change);
            if (change.Events.OfType<MembershipExpired>().FirstOrDefault() is { } ended)
            {
                expired.Add(member);
                var lapse = chain.TryFire(context.LifecycleOf(member), LifecycleTrigger.MembershipExpired, reason: $"{ended.TierId} ended {ended.EndedOn:yyyy-MM-dd}");
                if (lapse.Succeeded)
                {
                    context.Apply(lapse.Value);
                }
            }
        }

        var period = desk.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var releasedTotal = Money.Sum(released.Select(r => r.Amount), currency);
        context.Record(new MonthEndClosed(period, releasedTotal, Money.Sum(paid.Select(p => p.Amount), currency), now));
        return new MonthEndReport(period, now, previous, [.. released], releasedTotal, [.. paid], [.. expired]);
    }
}
