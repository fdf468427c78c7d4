using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>
/// The ledger's reporting fields and entry statuses at their exact boundaries, on the shared worked example
/// (member 4 earns 10% of each order; a ¥10 minimum withdrawal and a 0.6% fee; seven days' freeze).
/// </summary>
public class LedgerBoundaryTests : LedgerTestBase
{
    [Fact]
    public void Fees_paid_add_up_over_paid_withdrawals_and_a_rejected_one_pays_no_fee()
    {
        Record(Ledger.Accrue(Order("o1", 3600m), Start));
        Record(Ledger.Accrue(Order("o2", 1000m), Start));
        Clock.Advance(TimeSpan.FromDays(7));

        // ¥360 → fee ¥2.16; ¥100 → fee ¥0.60; a rejected ¥50 → no fee.
        Record(Ledger.RequestWithdrawal("w1", 4, Money.Cny(360m)));
        Record(Ledger.MarkWithdrawalPaid("w1"));
        Assert.Equal(Money.Cny(2.16m), Ledger.BalanceOf(4).FeesPaid);

        Record(Ledger.RequestWithdrawal("w2", 4, Money.Cny(50m)));
        Record(Ledger.RejectWithdrawal("w2", "bank account closed"));
        Record(Ledger.RequestWithdrawal("w3", 4, Money.Cny(100m)));
        Record(Ledger.MarkWithdrawalPaid("w3"));

        var balance = Ledger.BalanceOf(4);
        Assert.Equal(Money.Cny(2.76m), balance.FeesPaid);
        Assert.Equal(Money.Cny(460m), balance.PaidOut);
        Assert.True(balance.Withdrawing.IsZero);
        Assert.True(balance.Available.IsZero);
        Assert.True(Ledger.BalanceOf(3).FeesPaid.IsZero);

        // Replay and snapshot keep every reporting field.
        Assert.Equal(balance, CommissionLedger.Replay(Events, Settings, Clock).BalanceOf(4));
        Assert.Equal(balance, CommissionLedger.Restore(Ledger.ToSnapshot(), Settings, Clock).BalanceOf(4));
    }

    [Fact]
    public void A_pending_withdrawal_is_withdrawing_until_it_is_paid_and_pays_no_fee_before()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));
        Ledger.RequestWithdrawal("w1", 4, Money.Cny(200m));

        var requested = Ledger.BalanceOf(4);
        Assert.Equal(Money.Cny(200m), requested.Withdrawing);
        Assert.Equal(Money.Cny(160m), requested.Available);
        Assert.True(requested.PaidOut.IsZero);
        Assert.True(requested.FeesPaid.IsZero);

        Ledger.MarkWithdrawalPaid("w1");

        var paid = Ledger.BalanceOf(4);
        Assert.True(paid.Withdrawing.IsZero);
        Assert.Equal(Money.Cny(200m), paid.PaidOut);
        Assert.Equal(Money.Cny(1.20m), paid.FeesPaid);
        Assert.Equal(Money.Cny(160m), paid.Available);
    }

    [Fact]
    public void A_payout_equal_to_an_entry_pays_it_out_and_leaves_the_next_available()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Ledger.Accrue(Order("o2", 1000m), Start);
        Clock.Advance(TimeSpan.FromDays(7));

        Ledger.RequestWithdrawal("w1", 4, Money.Cny(360m));
        Assert.Equal([LedgerEntryStatus.Available, LedgerEntryStatus.Available], Ledger.EntriesOf(4).Select(e => e.Status));
        Ledger.MarkWithdrawalPaid("w1");

        Assert.Equal([LedgerEntryStatus.PaidOut, LedgerEntryStatus.Available], Ledger.EntriesOf(4).Select(e => e.Status));

        // One fen short of the second entry leaves it available; the last fen pays it out.
        Ledger.RequestWithdrawal("w2", 4, Money.Cny(99.99m));
        Ledger.MarkWithdrawalPaid("w2");
        Assert.Equal([LedgerEntryStatus.PaidOut, LedgerEntryStatus.Available], Ledger.EntriesOf(4).Select(e => e.Status));
        Assert.Equal(Money.Cny(0.01m), Ledger.BalanceOf(4).Available);
    }

    [Fact]
    public void A_partly_reversed_entry_keeps_its_status_and_is_paid_out_by_its_net_amount()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Ledger.Accrue(Order("o2", 1000m), Start);
        Ledger.Refund("o1", "r1", Money.Cny(1200m));

        var pending = Ledger.EntriesOf(4)[0];
        Assert.Equal((Money.Cny(360m), Money.Cny(120m), LedgerEntryStatus.Pending), (pending.Amount, pending.Reversed, pending.Status));
        Assert.Equal(Money.Cny(340m), Ledger.BalanceOf(4).Pending);

        Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal([LedgerEntryStatus.Available, LedgerEntryStatus.Available], Ledger.EntriesOf(4).Select(e => e.Status));
        Assert.Equal(Money.Cny(340m), Ledger.BalanceOf(4).Available);

        // ¥240 is what the first entry still holds: paying exactly that pays it out, not the ¥100 entry after it.
        Ledger.RequestWithdrawal("w1", 4, Money.Cny(240m));
        Ledger.MarkWithdrawalPaid("w1");
        Assert.Equal([LedgerEntryStatus.PaidOut, LedgerEntryStatus.Available], Ledger.EntriesOf(4).Select(e => e.Status));

        // The rest of the order refunded: the first entry is fully reversed after its payout, so the ¥240 paid now
        // settles the ¥100 entry after it, and ¥140 more than was earned has been paid: a debit.
        Ledger.Refund("o1", "r2", Money.Cny(2400m));
        var entries = Ledger.EntriesOf(4);
        Assert.Equal((Money.Cny(360m), LedgerEntryStatus.Reversed), (entries[0].Reversed, entries[0].Status));
        Assert.Equal(LedgerEntryStatus.PaidOut, entries[1].Status);
        Assert.Equal(Money.Cny(-140m), Ledger.BalanceOf(4).Available);
    }

    [Fact]
    public void An_entry_becomes_available_at_the_exact_end_of_its_freeze()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);

        Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromTicks(1));
        Assert.Equal((Money.Cny(360m), Money.Cny(0m)), (Ledger.BalanceOf(4).Pending, Ledger.BalanceOf(4).Available));
        Assert.Equal(LedgerEntryStatus.Pending, Ledger.EntriesOf(4)[0].Status);

        Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal((Money.Cny(0m), Money.Cny(360m)), (Ledger.BalanceOf(4).Pending, Ledger.BalanceOf(4).Available));
        Assert.Equal(LedgerEntryStatus.Available, Ledger.EntriesOf(4)[0].Status);
        Assert.Equal(Start.AddDays(7), Ledger.EntriesOf(4)[0].AvailableAt);
    }
}
