using CommunityModel.Commissions.Ledger;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Orders;

namespace CommunityModel.Orleans.Tests.Members;

[Collection(ClusterCollection.Name)]
public sealed class WithdrawalConcurrencyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Many_clients_withdrawing_at_once_while_a_refund_races_never_overdraw_and_net_as_one_ledger()
    {
        var root = fixture.NextIds(2);
        Assert.True((await fixture.Grains.GetGrain<IMemberGrain>(root).Register(0)).Accepted);
        Assert.True((await fixture.Grains.GetGrain<IMemberGrain>(root + 1).Register(root)).Accepted);
        var order = fixture.Grains.GetGrain<IOrderGrain>($"race-{root}");
        await order.Pay(new OrderRequest(root + 1, 1_000_000, null, null, "2025-01", false));   // ¥10,000 → ¥1,000 to the sponsor

        // 40 clients each ask for ¥60 at once (¥2,400 asked, ¥1,000 held) while half the order is refunded.
        var member = fixture.Grains.GetGrain<IMemberGrain>(root);
        var withdrawals = Enumerable.Range(0, 40).Select(i => Task.Run(() => member.RequestWithdrawal($"w-{i}", 6_000))).ToArray();
        var refund = Task.Run(() => order.Refund("r-half", 500_000));
        var decisions = await Task.WhenAll(withdrawals);
        Assert.Equal(50_000, (await refund).Reversed);

        var accepted = decisions.Count(d => d.Accepted);
        var balance = await member.GetBalance();
        Assert.InRange(accepted * 6_000L, 0, 100_000);
        Assert.True(accepted >= 8, $"at least the ¥500 left after the refund pays 8 withdrawals; {accepted} were accepted");
        Assert.Equal(accepted * 6_000L, balance.Withdrawing);
        Assert.Equal(50_000 - (accepted * 6_000L), balance.Available);

        // The member's events, in the order its grain applied them, replay into one ledger with the same balance.
        var events = await member.GetAccountEvents();
        Assert.Equal(balance, AccountBalance.From(CommissionLedger.Replay(events, ClusterFixture.LedgerOptions, fixture.Clock).BalanceOf(root)));
    }
}
