using CommunityModel.Commissions.Engine;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Ledger;

public class CommissionLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]);
    private static readonly CommissionCalculator Calculator = new(new CommissionPlanBuilder("standard").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).Build());

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly List<IDomainEvent> _events = [];
    private readonly LedgerOptions _options = new() { MinimumWithdrawal = Money.Cny(10m), WithdrawalFee = Rate.FromPercent(0.6m) };
    private readonly CommissionLedger _ledger;

    public CommissionLedgerTests() => _ledger = new CommissionLedger(_options, _clock);

    private static OrderCommission Order(string id, decimal paid, long buyer = 5) => Calculator.Calculate(new CommissionableOrder(id, buyer, Money.Cny(paid)), Chain);

    private void Record(IEnumerable<IDomainEvent> events) => _events.AddRange(events);

    [Fact]
    public void A_commission_is_pending_during_the_freeze_period_then_available()
    {
        Record(_ledger.Accrue(Order("o1", 3600m), Start));

        Assert.Equal(Money.Cny(360m), _ledger.BalanceOf(4).Pending);
        Assert.True(_ledger.BalanceOf(4).Available.IsZero);
        Assert.Equal(LedgerEntryStatus.Pending, Assert.Single(_ledger.EntriesOf(4)).Status);

        _clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(Money.Cny(360m), _ledger.BalanceOf(4).Available);
        Assert.True(_ledger.BalanceOf(4).Pending.IsZero);
        Assert.Equal(LedgerEntryStatus.Available, _ledger.EntriesOf(4)[0].Status);
    }

    [Fact]
    public void Paid_withdrawals_settle_available_entries_oldest_first()
    {
        _ledger.Accrue(Order("o1", 3600m), Start);
        _ledger.Accrue(Order("o2", 1000m), Start.AddDays(1));
        _ledger.Accrue(Order("o3", 1000m), Start.AddDays(30));
        _clock.Advance(TimeSpan.FromDays(8));
        _ledger.RequestWithdrawal("w1", 4, Money.Cny(400m));

        Assert.Equal([LedgerEntryStatus.Available, LedgerEntryStatus.Available, LedgerEntryStatus.Pending], _ledger.EntriesOf(4).Select(e => e.Status));

        _ledger.MarkWithdrawalPaid("w1");

        // ¥400 covers the ¥360 entry in full and ¥40 of the ¥100 one, which stays available.
        Assert.Equal([LedgerEntryStatus.PaidOut, LedgerEntryStatus.Available, LedgerEntryStatus.Pending], _ledger.EntriesOf(4).Select(e => e.Status));
        Assert.Equal(Money.Cny(60m), _ledger.BalanceOf(4).Available);
    }

    [Fact]
    public void Processing_an_order_twice_never_pays_twice()
    {
        var first = _ledger.Accrue(Order("o1", 3600m), Start);
        var second = _ledger.Accrue(Order("o1", 3600m), Start);

        Assert.Equal(3, first.Length);
        Assert.Empty(second);
        Assert.Equal(Money.Cny(360m), _ledger.BalanceOf(4).NetEarned);
    }

    [Fact]
    public void A_partial_refund_of_a_third_reverses_a_third_of_every_line()
    {
        _ledger.Accrue(Order("o1", 3600m), Start);

        var refund = _ledger.Refund("o1", "r1", Money.Cny(1200m));

        Assert.Equal(RefundOutcome.Recorded, refund.Outcome);
        Assert.IsType<RefundRecorded>(refund.Events[0]);
        Assert.Equal([120m, 60m, 36m], refund.Events.OfType<CommissionReversed>().Select(r => r.Amount.Amount));
        Assert.Equal(Money.Cny(216m), refund.Reversed);
        Assert.Equal(Money.Cny(240m), _ledger.BalanceOf(4).Pending);

        var again = _ledger.Refund("o1", "r1", Money.Cny(1200m));
        Assert.Equal(RefundOutcome.AlreadyRecorded, again.Outcome);
        Assert.Empty(again.Events);
        Assert.True(again.Reversed.IsZero);
        Assert.Equal(Money.Cny(240m), _ledger.BalanceOf(4).Pending);
    }

    [Fact]
    public void Refunds_totalling_the_amount_paid_reverse_every_commission_to_exactly_zero()
    {
        _ledger.Accrue(Order("o1", 99.99m), Start);

        _ledger.Refund("o1", "r1", Money.Cny(33.33m));
        _ledger.Refund("o1", "r2", Money.Cny(0.01m));
        _ledger.Refund("o1", "r3", Money.Cny(66.65m));

        Assert.All(new long[] { 4, 3, 2 }, m => Assert.True(_ledger.BalanceOf(m).NetEarned.IsZero));
        Assert.All(_ledger.EntriesOf(4), e => Assert.Equal(LedgerEntryStatus.Reversed, e.Status));
    }

    [Fact]
    public void A_refund_after_payout_leaves_a_debit_that_blocks_withdrawals_until_later_earnings_cover_it()
    {
        Record(_ledger.Accrue(Order("o1", 3600m), Start));
        _clock.Advance(TimeSpan.FromDays(8));
        var withdrawal = _ledger.RequestWithdrawal("w1", 4, Money.Cny(360m))!;
        Record([withdrawal, _ledger.MarkWithdrawalPaid("w1")]);

        Record(_ledger.Refund("o1", "r1", Money.Cny(3600m)).Events);

        Assert.Equal(Money.Cny(-360m), _ledger.BalanceOf(4).Available);
        var refused = _ledger.TryRequestWithdrawal("w2", 4, Money.Cny(10m));
        Assert.Equal(CommissionErrorCodes.InsufficientBalance, refused.ErrorCode);
        Assert.Contains("after refunds", Assert.Single(refused.Refusals).Reason, StringComparison.Ordinal);

        Record(_ledger.Accrue(Order("o2", 5000m), _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(Money.Cny(140m), _ledger.BalanceOf(4).Available);
        Assert.Equal(Money.Cny(2.16m), withdrawal.Fee);
        Assert.Equal(Money.Cny(357.84m), withdrawal.NetPayout);
        Assert.Equal(Money.Cny(500m), _ledger.BalanceOf(4).NetEarned);
    }

    [Fact]
    public void Withdrawals_respect_the_minimum_and_the_available_balance_and_name_every_unmet_condition()
    {
        _ledger.Accrue(Order("o1", 3600m), Start);

        var early = _ledger.TryRequestWithdrawal("w0", 4, Money.Cny(5m));
        _clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(CommissionErrorCodes.WithdrawalBelowMinimum, early.ErrorCode);
        Assert.Equal([CommissionErrorCodes.WithdrawalBelowMinimum, CommissionErrorCodes.InsufficientBalance], early.Refusals.Select(r => r.Code));
        Assert.Equal(CommissionErrorCodes.InsufficientBalance, Assert.Throws<WithdrawalRefusedException>(() => _ledger.RequestWithdrawal("w1", 4, Money.Cny(360.01m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, _ledger.TryRequestWithdrawal("w1", 4, Money.Cny(-1m)).ErrorCode);
        Assert.True(_ledger.TryRequestWithdrawal("w1", 4, Money.Cny(360m)).Succeeded);
        Assert.True(_ledger.TryRequestWithdrawal("w1", 4, Money.Cny(360m)).Succeeded);
        Assert.Equal(CommissionErrorCodes.IdConflict, _ledger.TryRequestWithdrawal("w1", 3, Money.Cny(10m)).ErrorCode);
        Assert.Equal(Money.Cny(360m), _ledger.BalanceOf(4).Withdrawing);
        Assert.True(_ledger.BalanceOf(4).Available.IsZero);
    }

    [Fact]
    public void A_rejected_withdrawal_returns_to_the_available_balance()
    {
        _ledger.Accrue(Order("o1", 3600m), Start);
        _clock.Advance(TimeSpan.FromDays(7));
        _ledger.RequestWithdrawal("w1", 4, Money.Cny(300m));

        var rejected = _ledger.RejectWithdrawal("w1", "bank account closed");

        Assert.Equal("bank account closed", rejected.Reason);
        Assert.Equal(Money.Cny(360m), _ledger.BalanceOf(4).Available);
        Assert.Equal(CommissionErrorCodes.UnknownWithdrawal, Assert.Throws<CommissionException>(() => _ledger.MarkWithdrawalPaid("w1")).ErrorCode);
        Assert.Equal(CommissionErrorCodes.UnknownWithdrawal, Assert.Throws<CommissionException>(() => _ledger.RejectWithdrawal("nope", "x")).ErrorCode);
    }

    [Fact]
    public void Two_withdrawals_requested_at_once_never_exceed_the_available_balance()
    {
        _ledger.Accrue(Order("o1", 3600m), Start);
        _clock.Advance(TimeSpan.FromDays(7));

        var results = new WithdrawalResult[200];
        Parallel.For(0, results.Length, i => results[i] = _ledger.TryRequestWithdrawal($"w{i}", 4, Money.Cny(100m)));

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.Equal(Money.Cny(60m), _ledger.BalanceOf(4).Available);
    }

    [Fact]
    public void Bad_refunds_are_refused_and_change_nothing()
    {
        _ledger.Accrue(Order("o1", 100m), Start);

        Assert.Equal(CommissionErrorCodes.RefundExceedsPaid, Assert.Throws<CommissionException>(() => _ledger.Refund("o1", "r1", Money.Cny(100.01m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => _ledger.Refund("o1", "r1", Money.Cny(0m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => _ledger.Refund("o1", "r1", Money.Usd(1m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => _ledger.Refund("o9", "r1", Money.Cny(-1m))).ErrorCode);
        _ledger.Refund("o1", "r1", Money.Cny(10m));
        Assert.Equal(CommissionErrorCodes.IdConflict, Assert.Throws<CommissionException>(() => _ledger.Refund("o1", "r1", Money.Cny(20m))).ErrorCode);
        Assert.Throws<CurrencyMismatchException>(() => _ledger.Accrue(Calculator.Calculate(new CommissionableOrder("o2", 5, Money.Cny(1m)), Chain) with { Base = Money.Usd(1m) }, Start));
        Assert.Equal(Money.Cny(9m), _ledger.BalanceOf(4).Pending);
        Assert.True(_ledger.HasOrderLine("o1"));
        Assert.False(_ledger.HasOrderLine("o9"));
    }

    [Fact]
    public void Attribution_is_fixed_at_order_time_so_a_refund_after_rebinding_reverses_the_original_upline()
    {
        var network = new ReferralNetwork(new ReferralOptions(), _clock);
        network.Register(1);
        network.Register(2);
        network.Register(5, 1);
        var commission = Calculator.Calculate(new CommissionableOrder("o1", 5, Money.Cny(1000m)), network.Snapshot());
        _ledger.Accrue(commission, Start);

        network.Reassign(5, 2, "customer asked to move");
        var reversed = _ledger.Refund("o1", "r1", Money.Cny(1000m)).Events.OfType<CommissionReversed>();

        Assert.Equal(new MemberId(1), Assert.Single(reversed).Key.Beneficiary);
        Assert.True(_ledger.BalanceOf(1).NetEarned.IsZero);
        Assert.True(_ledger.BalanceOf(2).NetEarned.IsZero);
    }

    [Fact]
    public void Replaying_the_events_rebuilds_every_balance()
    {
        Record(_ledger.Accrue(Order("o1", 3600m), Start));
        Record(_ledger.Accrue(Order("o2", 120m, buyer: 4), Start));
        _clock.Advance(TimeSpan.FromDays(7));
        Record([_ledger.RequestWithdrawal("w1", 4, Money.Cny(200m))!]);
        Record([_ledger.MarkWithdrawalPaid("w1")]);
        Record(_ledger.Refund("o1", "r1", Money.Cny(1000m)).Events);
        Record([_ledger.RequestWithdrawal("w2", 3, Money.Cny(50m))!]);

        var replayed = CommissionLedger.Replay(_events, _options, _clock);

        Assert.All(new long[] { 1, 2, 3, 4 }, m => Assert.Equal(_ledger.BalanceOf(m), replayed.BalanceOf(m)));
        Assert.Equal<LedgerEntry>(_ledger.EntriesOf(3), replayed.EntriesOf(3));
    }
}
