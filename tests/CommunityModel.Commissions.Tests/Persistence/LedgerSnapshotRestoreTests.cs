using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Tests.Ledger;

namespace CommunityModel.Commissions.Tests.Persistence;

public class LedgerSnapshotRestoreTests : LedgerTestBase
{
    [Fact]
    public void A_snapshot_holds_entries_refunds_and_withdrawals_and_restores_the_same_balances()
    {
        Record(Ledger.Accrue(Order("o1", 1000m), Start));
        Record(Ledger.Refund("o2", "r1", Money.Cny(50m)).Events);
        Clock.Advance(TimeSpan.FromDays(8));
        Record(Ledger.RequestWithdrawal("w1", 4, Money.Cny(20m)));
        Record(Ledger.MarkWithdrawalPaid("w1"));
        Record(Ledger.Refund("o1", "r2", Money.Cny(100m)).Events);

        var snapshot = Ledger.ToSnapshot();
        var restored = CommissionLedger.Restore(snapshot, Settings, Clock);

        Assert.Equal(Currency.CNY, snapshot.Currency);
        Assert.Equal(3, snapshot.Entries.Length);
        Assert.Equal(Money.Cny(10m), snapshot.Entries[0].Reversed); // 10% of ¥1,000, a tenth refunded
        Assert.Equal(["o1", "o2"], snapshot.OrderLines.Select(l => l.OrderLineId));
        Assert.Null(snapshot.OrderLines[1].AmountPaid);
        Assert.True(Assert.Single(snapshot.Withdrawals).Settled);
        Assert.Equal(Events.Count, snapshot.EventCount);
        Assert.All(new MemberId[] { 2, 3, 4 }, m => Assert.Equal(Ledger.BalanceOf(m), restored.BalanceOf(m)));
        Assert.Equal(Ledger.EntriesOf(4).AsEnumerable(), restored.EntriesOf(4).AsEnumerable());
        Assert.False(restored.HasOrderLine("o2"));
    }

    [Fact]
    public void A_snapshot_in_another_currency_is_refused()
    {
        Record(Ledger.Accrue(Order("o1", 1000m), Start));

        var error = Assert.Throws<CommissionException>(() => CommissionLedger.Restore(Ledger.ToSnapshot(), new LedgerOptions { Currency = Currency.USD }, Clock));

        Assert.Equal(CommissionErrorCodes.InvalidLedgerSnapshot, error.ErrorCode);
        Assert.Contains("kept in CNY, the ledger keeps USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_that_contradicts_itself_is_refused_naming_every_problem()
    {
        Record(Ledger.Accrue(Order("o1", 1000m), Start));
        Clock.Advance(TimeSpan.FromDays(8));
        Record(Ledger.RequestWithdrawal("w1", 4, Money.Cny(20m)));
        var snapshot = Ledger.ToSnapshot();
        var first = snapshot.Entries[0];
        var broken = snapshot with
        {
            Entries = [first with { Reversed = first.Amount + Money.Cny(1m) }, first, first with { Key = first.Key with { OrderLineId = "o9" } }],
            Withdrawals = [snapshot.Withdrawals[0], snapshot.Withdrawals[0]],
            EventCount = -1,
        };

        var error = Assert.Throws<CommissionException>(() => CommissionLedger.Restore(broken, Settings, Clock));

        Assert.Equal(CommissionErrorCodes.InvalidLedgerSnapshot, error.ErrorCode);
        Assert.Contains("reversed beyond its amount", error.Message, StringComparison.Ordinal);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("o9", error.Message, StringComparison.Ordinal);
        Assert.Contains("withdrawal 'w1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("-1 events", error.Message, StringComparison.Ordinal);
    }
}
