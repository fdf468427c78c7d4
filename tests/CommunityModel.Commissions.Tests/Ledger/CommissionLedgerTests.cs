using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Ledger;

public class CommissionLedgerTests : LedgerTestBase
{
    [Fact]
    public void A_commission_is_pending_during_the_freeze_period_then_available()
    {
        Record(Ledger.Accrue(Order("o1", 3600m), Start));

        Assert.Equal(Money.Cny(360m), Ledger.BalanceOf(4).Pending);
        Assert.True(Ledger.BalanceOf(4).Available.IsZero);
        Assert.Equal(LedgerEntryStatus.Pending, Assert.Single(Ledger.EntriesOf(4)).Status);

        Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(Money.Cny(360m), Ledger.BalanceOf(4).Available);
        Assert.True(Ledger.BalanceOf(4).Pending.IsZero);
        Assert.Equal(LedgerEntryStatus.Available, Ledger.EntriesOf(4)[0].Status);
    }

    [Fact]
    public void Paid_withdrawals_settle_available_entries_oldest_first()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Ledger.Accrue(Order("o2", 1000m), Start.AddDays(1));
        Ledger.Accrue(Order("o3", 1000m), Start.AddDays(30));
        Clock.Advance(TimeSpan.FromDays(8));
        Ledger.RequestWithdrawal("w1", 4, Money.Cny(400m));

        Assert.Equal([LedgerEntryStatus.Available, LedgerEntryStatus.Available, LedgerEntryStatus.Pending], Ledger.EntriesOf(4).Select(e => e.Status));

        Ledger.MarkWithdrawalPaid("w1");

        // ¥400 covers the ¥360 entry in full and ¥40 of the ¥100 one, which stays available.
        Assert.Equal([LedgerEntryStatus.PaidOut, LedgerEntryStatus.Available, LedgerEntryStatus.Pending], Ledger.EntriesOf(4).Select(e => e.Status));
        Assert.Equal(Money.Cny(60m), Ledger.BalanceOf(4).Available);
    }

    [Fact]
    public void Processing_an_order_twice_never_pays_twice()
    {
        var first = Ledger.Accrue(Order("o1", 3600m), Start);
        var second = Ledger.Accrue(Order("o1", 3600m), Start);

        Assert.Equal(3, first.Length);
        Assert.Empty(second);
        Assert.Equal(Money.Cny(360m), Ledger.BalanceOf(4).NetEarned);
    }

    [Fact]
    public void A_partial_refund_of_a_third_reverses_a_third_of_every_line()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);

        var refund = Ledger.Refund("o1", "r1", Money.Cny(1200m));

        Assert.Equal(RefundOutcome.Recorded, refund.Outcome);
        Assert.IsType<RefundRecorded>(refund.Events[0]);
        Assert.Equal([120m, 60m, 36m], refund.Events.OfType<CommissionReversed>().Select(r => r.Amount.Amount));
        Assert.Equal(Money.Cny(216m), refund.Reversed);
        Assert.Equal(Money.Cny(240m), Ledger.BalanceOf(4).Pending);

        var again = Ledger.Refund("o1", "r1", Money.Cny(1200m));
        Assert.Equal(RefundOutcome.AlreadyRecorded, again.Outcome);
        Assert.Empty(again.Events);
        Assert.True(again.Reversed.IsZero);
        Assert.Equal(Money.Cny(240m), Ledger.BalanceOf(4).Pending);
    }

    [Fact]
    public void Refunds_totalling_the_amount_paid_reverse_every_commission_to_exactly_zero()
    {
        Ledger.Accrue(Order("o1", 99.99m), Start);

        Ledger.Refund("o1", "r1", Money.Cny(33.33m));
        Ledger.Refund("o1", "r2", Money.Cny(0.01m));
        Ledger.Refund("o1", "r3", Money.Cny(66.65m));

        Assert.All(new long[] { 4, 3, 2 }, m => Assert.True(Ledger.BalanceOf(m).NetEarned.IsZero));
        Assert.All(Ledger.EntriesOf(4), e => Assert.Equal(LedgerEntryStatus.Reversed, e.Status));
    }

    [Fact]
    public void A_refund_after_payout_leaves_a_debit_that_blocks_withdrawals_until_later_earnings_cover_it()
    {
        Record(Ledger.Accrue(Order("o1", 3600m), Start));
        Clock.Advance(TimeSpan.FromDays(8));
        var withdrawal = Ledger.RequestWithdrawal("w1", 4, Money.Cny(360m))!;
        Record([withdrawal, Ledger.MarkWithdrawalPaid("w1")]);

        Record(Ledger.Refund("o1", "r1", Money.Cny(3600m)).Events);

        Assert.Equal(Money.Cny(-360m), Ledger.BalanceOf(4).Available);
        var refused = Ledger.TryRequestWithdrawal("w2", 4, Money.Cny(10m));
        Assert.Equal(CommissionErrorCodes.InsufficientBalance, refused.ErrorCode);
        Assert.Contains("after refunds", Assert.Single(refused.Refusals).Message, StringComparison.Ordinal);

        Record(Ledger.Accrue(Order("o2", 5000m), Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(Money.Cny(140m), Ledger.BalanceOf(4).Available);
        Assert.Equal(Money.Cny(2.16m), withdrawal.Fee);
        Assert.Equal(Money.Cny(357.84m), withdrawal.NetPayout);
        Assert.Equal(Money.Cny(500m), Ledger.BalanceOf(4).NetEarned);
    }

    [Fact]
    public void Withdrawals_respect_the_minimum_and_the_available_balance_and_name_every_unmet_condition()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);

        var early = Ledger.TryRequestWithdrawal("w0", 4, Money.Cny(5m));
        Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(CommissionErrorCodes.WithdrawalBelowMinimum, early.ErrorCode);
        Assert.Equal([CommissionErrorCodes.WithdrawalBelowMinimum, CommissionErrorCodes.InsufficientBalance], early.Refusals.Select(r => r.Code));
        Assert.Equal(CommissionErrorCodes.InsufficientBalance, Assert.Throws<WithdrawalRefusedException>(() => Ledger.RequestWithdrawal("w1", 4, Money.Cny(360.01m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(-1m)).ErrorCode);
        Assert.True(Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(360m)).Succeeded);
        Assert.True(Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(360m)).Succeeded);
        Assert.Equal(CommissionErrorCodes.IdConflict, Ledger.TryRequestWithdrawal("w1", 3, Money.Cny(10m)).ErrorCode);
        Assert.Equal(Money.Cny(360m), Ledger.BalanceOf(4).Withdrawing);
        Assert.True(Ledger.BalanceOf(4).Available.IsZero);
    }

    [Fact]
    public void A_rejected_withdrawal_returns_to_the_available_balance()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));
        Ledger.RequestWithdrawal("w1", 4, Money.Cny(300m));

        var rejected = Ledger.RejectWithdrawal("w1", "bank account closed");

        Assert.Equal("bank account closed", rejected.Reason);
        Assert.Equal(Money.Cny(360m), Ledger.BalanceOf(4).Available);
        Assert.Equal(CommissionErrorCodes.WithdrawalSettled, Assert.Throws<CommissionException>(() => Ledger.MarkWithdrawalPaid("w1")).ErrorCode);
        Assert.Equal(CommissionErrorCodes.UnknownWithdrawal, Assert.Throws<CommissionException>(() => Ledger.RejectWithdrawal("nope", "x")).ErrorCode);
    }

    [Fact]
    public void Two_withdrawals_requested_at_once_never_exceed_the_available_balance()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));

        var results = new Attempt<AcceptedWithdrawal>[200];
        Parallel.For(0, results.Length, i => results[i] = Ledger.TryRequestWithdrawal($"w{i}", 4, Money.Cny(100m)));

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.Equal(Money.Cny(60m), Ledger.BalanceOf(4).Available);
    }

    [Fact]
    public void Bad_refunds_are_refused_and_change_nothing()
    {
        Ledger.Accrue(Order("o1", 100m), Start);

        Assert.Equal(CommissionErrorCodes.RefundExceedsPaid, Assert.Throws<CommissionException>(() => Ledger.Refund("o1", "r1", Money.Cny(100.01m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => Ledger.Refund("o1", "r1", Money.Cny(0m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => Ledger.Refund("o1", "r1", Money.Usd(1m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => Ledger.Refund("o9", "r1", Money.Cny(-1m))).ErrorCode);
        Ledger.Refund("o1", "r1", Money.Cny(10m));
        Assert.Equal(CommissionErrorCodes.IdConflict, Assert.Throws<CommissionException>(() => Ledger.Refund("o1", "r1", Money.Cny(20m))).ErrorCode);
        Assert.Throws<CurrencyMismatchException>(() => Ledger.Accrue(Calculator.Calculate(new CommissionableOrder("o2", 5, Money.Cny(1m)), Chain) with { Base = Money.Usd(1m) }, Start));
        Assert.Equal(Money.Cny(9m), Ledger.BalanceOf(4).Pending);
        Assert.True(Ledger.HasOrderLine("o1"));
        Assert.False(Ledger.HasOrderLine("o9"));
    }

    [Fact]
    public void Attribution_is_fixed_at_order_time_so_a_refund_after_rebinding_reverses_the_original_upline()
    {
        var network = new ReferralNetwork(new ReferralOptions(), Clock);
        network.Register(1);
        network.Register(2);
        network.Register(5, 1);
        var commission = Calculator.Calculate(new CommissionableOrder("o1", 5, Money.Cny(1000m)), network.Snapshot());
        Ledger.Accrue(commission, Start);

        network.Reassign(5, 2, "customer asked to move");
        var reversed = Ledger.Refund("o1", "r1", Money.Cny(1000m)).Events.OfType<CommissionReversed>();

        Assert.Equal(new MemberId(1), Assert.Single(reversed).Key.Beneficiary);
        Assert.True(Ledger.BalanceOf(1).NetEarned.IsZero);
        Assert.True(Ledger.BalanceOf(2).NetEarned.IsZero);
    }

    [Fact]
    public void Replaying_theEvents_rebuilds_every_balance()
    {
        Record(Ledger.Accrue(Order("o1", 3600m), Start));
        Record(Ledger.Accrue(Order("o2", 120m, buyer: 4), Start));
        Clock.Advance(TimeSpan.FromDays(7));
        Record([Ledger.RequestWithdrawal("w1", 4, Money.Cny(200m))!]);
        Record([Ledger.MarkWithdrawalPaid("w1")]);
        Record(Ledger.Refund("o1", "r1", Money.Cny(1000m)).Events);
        Record([Ledger.RequestWithdrawal("w2", 3, Money.Cny(50m))!]);

        var replayed = CommissionLedger.Replay(Events, Settings, Clock);

        Assert.All(new long[] { 1, 2, 3, 4 }, m => Assert.Equal(Ledger.BalanceOf(m), replayed.BalanceOf(m)));
        Assert.Equal<LedgerEntry>(Ledger.EntriesOf(3), replayed.EntriesOf(3));
    }
}
