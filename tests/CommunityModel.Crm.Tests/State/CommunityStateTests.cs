using CommunityModel.Commissions.Ledger;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.State;
using CommunityModel.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Crm.Tests.State;

/// <summary>
/// The indexes the CRM keeps beside the community, fed by each stored event: one record per withdrawal follows its
/// outcome (the list page and the history read the same one), and each member's stage moves; members do not mix.
/// </summary>
public sealed class CommunityStateTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 9, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_withdrawal_stands_requested_then_paid_or_rejected_with_the_reason_and_stage_moves_stay_per_member()
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());
        var state = crm.Services.GetRequiredService<CommunityFactory>().Create();
        var one = new MemberId(1);
        var two = new MemberId(2);

        state.Committed("ledger", 5, [
            new WithdrawalRequested("w-1", one, Money.Cny(100m), Money.Cny(0.60m), At),
            new WithdrawalRequested("w-2", one, Money.Cny(50m), Money.Cny(0.30m), At),
            new WithdrawalRequested("w-3", two, Money.Cny(20m), Money.Cny(0.12m), At),
            new WithdrawalPaid("w-1", one, At.AddDays(1)),
            new WithdrawalRejected("w-2", one, "bank account closed", At.AddDays(2)),
        ]);
        state.Committed("member-2", 1, [new MemberTransitioned(two, LifecycleStage.Prospect, LifecycleStage.Customer, LifecycleTrigger.MadeFirstPurchase, null, At, 1, [])]);

        Assert.Equal(["w-1", "w-2"], state.WithdrawalsOf(one));
        Assert.Equal(
            new[] { ("w-1", WithdrawalStatus.Paid, (DateTimeOffset?)At.AddDays(1), (string?)null), ("w-2", WithdrawalStatus.Rejected, (DateTimeOffset?)At.AddDays(2), (string?)"bank account closed") },
            state.WithdrawalsOf(one).Select(id => state.Withdrawal(id)!).Select(v => (v.WithdrawalId, v.Status, v.SettledAt, v.RejectionReason)));
        Assert.Equal(49.70m, state.Withdrawal("w-2")!.NetPayout.Amount);
        Assert.Equal(WithdrawalStatus.Requested, state.Withdrawal("w-3")!.Status);
        Assert.Equal(two, state.Withdrawal("w-3")!.MemberId);
        Assert.Empty(state.WithdrawalsOf(new MemberId(3)));
        Assert.Null(state.Withdrawal("w-9"));
        Assert.Empty(state.Stages.Of(one));
        Assert.Equal(LifecycleTrigger.MadeFirstPurchase, Assert.Single(state.Stages.Of(two)).Trigger);
    }
}
