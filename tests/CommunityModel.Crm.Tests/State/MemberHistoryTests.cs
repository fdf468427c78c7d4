using CommunityModel.Commissions.Ledger;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.State;

namespace CommunityModel.Crm.Tests.State;

/// <summary>The per-member lists the CRM keeps beside the community: withdrawals follow their outcome, members do not mix.</summary>
public sealed class MemberHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 9, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_withdrawal_stands_requested_then_paid_or_rejected_with_the_reason()
    {
        var history = new MemberHistory();
        var one = new MemberId(1);
        history.Apply(new WithdrawalRequested("w-1", one, Money.Cny(100m), Money.Cny(0.60m), At));
        history.Apply(new WithdrawalRequested("w-2", one, Money.Cny(50m), Money.Cny(0.30m), At));
        history.Apply(new WithdrawalRequested("w-3", new MemberId(2), Money.Cny(20m), Money.Cny(0.12m), At));
        history.Apply(new WithdrawalPaid("w-1", one, At.AddDays(1)));
        history.Apply(new WithdrawalRejected("w-2", one, "bank account closed", At.AddDays(2)));

        var views = history.WithdrawalsOf(one).Select(w => WithdrawalStatusView.Of(w, history.SettlementOf(w.WithdrawalId))).ToArray();

        Assert.Equal(
            new[] { ("w-1", WithdrawalStatus.Paid, (DateTimeOffset?)At.AddDays(1), (string?)null), ("w-2", WithdrawalStatus.Rejected, (DateTimeOffset?)At.AddDays(2), (string?)"bank account closed") },
            views.Select(v => (v.WithdrawalId, v.Status, v.SettledAt, v.RejectionReason)));
        Assert.Equal(49.70m, views[1].NetPayout.Amount);
        var other = Assert.Single(history.WithdrawalsOf(new MemberId(2)));
        Assert.Equal(WithdrawalStatus.Requested, WithdrawalStatusView.Of(other, history.SettlementOf(other.WithdrawalId)).Status);
        Assert.Empty(history.WithdrawalsOf(new MemberId(3)));
        Assert.Empty(history.StagesOf(one));
    }
}
