using CommunityModel.Commissions;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Orders;
using FsCheck;
using FsCheck.Fluent;

namespace CommunityModel.Orleans.Tests.Members;

[Collection(ClusterCollection.Name)]
public sealed class CommissionAccountTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task An_order_pays_three_levels_up_the_upline_as_it_was_when_paid()
    {
        var root = fixture.NextIds(4);
        await Register(root, 0);
        await Register(root + 1, root);
        await Register(root + 2, root + 1);
        await Register(root + 3, root + 2);

        var receipt = await Grains.GetGrain<IOrderGrain>($"levels-{root}").Pay(new OrderRequest(root + 3, 360_000, null, null, "2025-01", false));

        // ¥3,600: 10% to the sponsor, 5% and 2% above; the root is a fourth level and earns nothing.
        Assert.Equal(61_200, receipt.Commission);
        Assert.Equal(3, receipt.Lines);
        Assert.Equal(0, receipt.Undelivered);
        Assert.Equal(36_000, (await Balance(root + 2)).Available);
        Assert.Equal(18_000, (await Balance(root + 1)).Available);
        Assert.Equal(7_200, (await Balance(root)).Available);
        Assert.Equal(0, (await Balance(root + 3)).Available);
    }

    [Fact]
    public async Task Paying_an_order_again_is_a_repeat_that_pays_nothing_more()
    {
        var root = fixture.NextIds(2);
        await Register(root, 0);
        await Register(root + 1, root);
        var order = Grains.GetGrain<IOrderGrain>($"repeat-{root}");
        var request = new OrderRequest(root + 1, 10_000, null, null, "2025-01", false);

        await order.Pay(request);
        var again = await order.Pay(request);

        Assert.True(again.IsRepeat);
        Assert.Equal(1_000, (await Balance(root)).Available);
        await Assert.ThrowsAsync<ArgumentException>(() => order.Pay(request with { Amount = 20_000 }));
    }

    [Fact]
    public async Task A_payment_naming_no_order_kind_is_refused_and_leaves_the_order_id_free()
    {
        var root = fixture.NextIds(2);
        await Register(root, 0);
        await Register(root + 1, root);
        var order = Grains.GetGrain<IOrderGrain>($"kind-{root}");

        var play = await Assert.ThrowsAsync<ArgumentException>(() => order.Pay(new OrderRequest(root + 1, 10_000, null, "GroupBuy", "2025-01", false)));
        var number = await Assert.ThrowsAsync<ArgumentException>(() => order.Pay(new OrderRequest(root + 1, 10_000, null, "4", "2025-01", false)));
        var paid = await order.Pay(new OrderRequest(root + 1, 10_000, "online-courses", nameof(OrderKind.Product), "2025-01", false));

        Assert.Contains("'GroupBuy'", play.Message, StringComparison.Ordinal);
        Assert.Contains("'4'", number.Message, StringComparison.Ordinal);
        Assert.False(paid.IsRepeat);
        Assert.Equal(1_000, (await Balance(root)).Available);
    }

    [Fact]
    public async Task A_refund_reverses_in_proportion_and_a_repeat_changes_nothing()
    {
        var root = fixture.NextIds(2);
        await Register(root, 0);
        await Register(root + 1, root);
        var order = Grains.GetGrain<IOrderGrain>($"refund-{root}");
        await order.Pay(new OrderRequest(root + 1, 10_000, null, null, "2025-01", false));

        var refund = await order.Refund("r-1", 2_500);
        var repeat = await order.Refund("r-1", 2_500);
        var over = await order.Refund("r-2", 8_000);

        Assert.Equal(("Recorded", 250L), (refund.Outcome, refund.Reversed));
        Assert.Equal("AlreadyRecorded", repeat.Outcome);
        Assert.Equal(CommissionErrorCodes.RefundExceedsPaid, over.Refusal?.Code);
        Assert.Equal(750, (await Balance(root)).Available);
    }

    [Fact]
    public async Task A_withdrawal_over_the_balance_is_refused_with_the_ledgers_code()
    {
        var root = fixture.NextIds(2);
        await Register(root, 0);
        await Register(root + 1, root);
        await Grains.GetGrain<IOrderGrain>($"withdraw-{root}").Pay(new OrderRequest(root + 1, 10_000, null, null, "2025-01", false));
        var member = Grains.GetGrain<IMemberGrain>(root);

        var over = await member.RequestWithdrawal("w-1", 1_001);
        var ok = await member.RequestWithdrawal("w-2", 1_000);
        var paid = await member.MarkWithdrawalPaid("w-2");
        var again = await member.MarkWithdrawalPaid("w-2");

        Assert.Equal(CommissionErrorCodes.InsufficientBalance, Assert.Single(over.Refusals).Code);
        Assert.True(ok.Accepted && paid.Accepted);
        Assert.Equal(CommissionErrorCodes.WithdrawalSettled, Assert.Single(again.Refusals).Code);
        Assert.Equal((0L, 1_000L), ((await Balance(root)).Available, (await Balance(root)).PaidOut));
    }

    [Fact]
    public async Task A_member_grain_replays_its_subset_of_the_ledger_after_deactivation()
    {
        var root = fixture.NextIds(2);
        await Register(root, 0);
        await Register(root + 1, root);
        for (var i = 0; i < 8; i++)
        {
            await Grains.GetGrain<IOrderGrain>($"replay-{root}-{i}").Pay(new OrderRequest(root + 1, 10_000 + i, null, null, "2025-01", false));
        }

        await Grains.GetGrain<IOrderGrain>($"replay-{root}-0").Refund("r", 5_000);
        await Grains.GetGrain<IMemberGrain>(root).RequestWithdrawal("w", 3_000);
        var before = await Balance(root);
        var events = await Grains.GetGrain<IMemberGrain>(root).GetAccountEvents();

        // The member's own events alone replay into one ledger with the same balance.
        var replayed = CommissionLedger.Replay(events, ClusterFixture.LedgerOptions, fixture.Clock).BalanceOf(root);
        Assert.Equal(before, AccountBalance.From(replayed));
        // Each order pays 10% of ¥100.00–¥100.07 (¥10.00 each, rounded), less half of the first, less the withdrawal.
        Assert.Equal((8 * 1_000) - 500 - 3_000, before.Available);
    }

    [FsCheck.Xunit.Property(MaxTest = 12)]
    public Property Random_orders_refunds_and_withdrawals_give_the_balances_of_one_ledger() =>
        Prop.ForAll(Operations().ToArbitrary(), operations => Run(operations).GetAwaiter().GetResult());

    // Six members, each sponsored by an earlier one or by none; then up to twenty orders, refunds and withdrawals.
    private static Gen<(int[] Sponsors, (int Kind, int Member, int Amount)[] Steps)> Operations() =>
        from s1 in Gen.Choose(-1, 0)
        from s2 in Gen.Choose(-1, 1)
        from s3 in Gen.Choose(-1, 2)
        from s4 in Gen.Choose(-1, 3)
        from s5 in Gen.Choose(-1, 4)
        from steps in (from kind in Gen.Choose(0, 2) from member in Gen.Choose(0, 5) from amount in Gen.Choose(1, 500_000) select (kind, member, amount)).ArrayOf()
        select (new[] { -1, s1, s2, s3, s4, s5 }, steps.Take(20).ToArray());

    private async Task<bool> Run((int[] Sponsors, (int Kind, int Member, int Amount)[] Steps) operations)
    {
        var first = fixture.NextIds(operations.Sponsors.Length);
        var reference = new ReferenceCommunity();
        for (var i = 0; i < operations.Sponsors.Length; i++)
        {
            var sponsor = operations.Sponsors[i] < 0 ? 0 : first + operations.Sponsors[i];
            reference.Register(first + i, sponsor);
            await Register(first + i, sponsor);
        }

        var orders = new List<(string Id, long Paid, long Refunded)>();
        var step = 0;
        foreach (var (kind, index, amount) in operations.Steps)
        {
            var member = first + index;
            step++;
            switch (kind)
            {
                case 0:
                    var id = $"fs-{first}-{step}";
                    reference.Pay(id, member, amount);
                    await Grains.GetGrain<IOrderGrain>(id).Pay(new OrderRequest(member, amount, null, null, "2025-01", false));
                    orders.Add((id, amount, 0));
                    break;
                case 1 when orders.Count > 0:
                    var o = orders[index % orders.Count];
                    var refund = Math.Min(amount, o.Paid - o.Refunded);
                    if (refund > 0)
                    {
                        reference.Ledger.Refund(o.Id, $"r-{step}", Money.FromMinorUnits(refund, Currency.CNY));
                        await Grains.GetGrain<IOrderGrain>(o.Id).Refund($"r-{step}", refund);
                        orders[index % orders.Count] = o with { Refunded = o.Refunded + refund };
                    }

                    break;
                case 2:
                    var wanted = Math.Max(1, reference.Available(member) / (1 + (amount % 3)));
                    var expected = reference.Ledger.TryRequestWithdrawal($"w-{step}", member, Money.FromMinorUnits(wanted, Currency.CNY)).Succeeded;
                    var decided = await Grains.GetGrain<IMemberGrain>(member).RequestWithdrawal($"w-{step}", wanted);
                    if (expected != decided.Accepted)
                    {
                        return false;
                    }

                    break;
            }
        }

        for (var i = 0; i < operations.Sponsors.Length; i++)
        {
            if (await Balance(first + i) != AccountBalance.From(reference.Ledger.BalanceOf(first + i)))
            {
                return false;
            }
        }

        return true;
    }

    private async Task Register(long member, long sponsor) => Assert.True((await Grains.GetGrain<IMemberGrain>(member).Register(sponsor)).Accepted);

    private Task<AccountBalance> Balance(long member) => Grains.GetGrain<IMemberGrain>(member).GetBalance();
}
