using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>
/// An integrator stores every event a decision returns. Repeating a decision (a retried HTTP call, a
/// redelivered message) must therefore return nothing new to store, and replay must reject a stream that
/// does not fit with a typed error that names the event.
/// </summary>
public class CommissionLedgerIdempotencyTests : LedgerTestBase
{
    [Fact]
    public void A_repeated_withdrawal_id_returns_the_original_request_with_nothing_to_store()
    {
        Record(Ledger.Accrue(Order("o1", 3600m), Start));
        Clock.Advance(TimeSpan.FromDays(7));

        var first = Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(100m));
        Record(first.Value.Event);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var again = Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(100m));
        Record(again.Value.Event);
        Record(Ledger.RequestWithdrawal("w1", 4, Money.Cny(100m)));

        Assert.False(first.Value.IsRepeat);
        Assert.NotNull(first.Value.Event);
        Assert.True(again.Succeeded);
        Assert.True(again.Value.IsRepeat);
        Assert.Null(again.Value.Event);
        Assert.Same(first.Value.Request, again.Value.Request);
        Assert.Null(Ledger.RequestWithdrawal("w1", 4, Money.Cny(100m)));
        Assert.Single(Events.OfType<WithdrawalRequested>());
        Assert.Equal(Money.Cny(100m), Ledger.BalanceOf(4).Withdrawing);

        var replayed = CommissionLedger.Replay(Events, Settings, Clock);
        Assert.Equal(Ledger.BalanceOf(4), replayed.BalanceOf(4));
    }

    [Fact]
    public void A_withdrawal_id_reused_for_another_request_is_an_id_conflict_and_changes_nothing()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));
        Ledger.RequestWithdrawal("w1", 4, Money.Cny(100m));

        var otherAmount = Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(50m));
        var otherMember = Assert.Throws<WithdrawalRefusedException>(() => Ledger.RequestWithdrawal("w1", 3, Money.Cny(100m)));

        Assert.Equal(CommissionErrorCodes.IdConflict, otherAmount.ErrorCode);
        Assert.False(otherAmount.Succeeded);
        Assert.Throws<InvalidOperationException>(() => otherAmount.Value);
        Assert.Equal(CommissionErrorCodes.IdConflict, otherMember.ErrorCode);
        Assert.Equal(("w1", new MemberId(3)), (otherMember.WithdrawalId, otherMember.Member));
        Assert.Contains("already used for ¥100.00 by member 4", otherMember.Message, StringComparison.Ordinal);
        Assert.Equal(Money.Cny(100m), Ledger.BalanceOf(4).Withdrawing);
        Assert.True(Ledger.BalanceOf(3).Withdrawing.IsZero);
    }

    [Fact]
    public void The_throwing_withdrawal_keeps_every_refusal_with_its_code_and_the_joined_message()
    {
        Ledger.Accrue(Order("o1", 3600m), Start); // ¥360 pending for member 4: nothing available yet

        var error = Assert.Throws<WithdrawalRefusedException>(() => Ledger.RequestWithdrawal("w1", 4, Money.Cny(5m)));

        Assert.Equal([CommissionErrorCodes.WithdrawalBelowMinimum, CommissionErrorCodes.InsufficientBalance], error.Refusals.Select(r => r.Code));
        Assert.Equal(CommissionErrorCodes.WithdrawalBelowMinimum, error.ErrorCode);
        Assert.Equal(string.Join(" ", error.Refusals.Select(r => r.Message)), error.Message);
        Assert.IsAssignableFrom<CommissionException>(error);
        Assert.Empty(Ledger.PendingWithdrawals());
        Assert.Throws<ArgumentException>(() => new WithdrawalRefusedException("w1", 4, []));
    }

    [Fact]
    public void A_refund_of_an_order_line_without_commission_is_kept_awaiting_its_accrual_and_reverses_nothing()
    {
        Ledger.Accrue(Order("o1", 100m), Start);
        var rootOrder = Calculator.Calculate(new CommissionableOrder("o2", 1, Money.Cny(500m)), Chain); // the root has no upline

        Assert.Empty(Ledger.Accrue(rootOrder, Start));
        var refund = Ledger.Refund("o2", "r1", Money.Cny(500m));

        Assert.Equal(RefundOutcome.AwaitingAccrual, refund.Outcome);
        Assert.IsType<RefundRecorded>(Assert.Single(refund.Events));
        Assert.True(refund.Reversed.IsZero);
        Assert.False(Ledger.HasOrderLine("o2"));
        Assert.Equal(Money.Cny(10m), Ledger.BalanceOf(4).Pending);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => Ledger.Refund("o2", "r1", Money.Zero(Currency.CNY))).ErrorCode);
    }

    [Fact]
    public void One_refund_id_spreads_over_several_order_lines_without_invented_ids()
    {
        Record(Ledger.Accrue(Order("o1", 1000m), Start));
        Record(Ledger.Accrue(Order("o2", 2000m), Start));

        var first = Ledger.Refund("o1", "r1", Money.Cny(1000m));
        var second = Ledger.Refund("o2", "r1", Money.Cny(500m));
        Record(first.Events);
        Record(second.Events);
        Record(Ledger.Refund("o2", "r1", Money.Cny(500m)).Events);

        Assert.Equal((RefundOutcome.Recorded, RefundOutcome.Recorded), (first.Outcome, second.Outcome));
        Assert.Equal((Money.Cny(180m), Money.Cny(90m)), (first.Reversed, second.Reversed));
        Assert.Equal(Money.Cny(150m), Ledger.BalanceOf(4).Pending); // ¥100 + ¥200 earned, ¥100 + ¥50 reversed
        var replayed = CommissionLedger.Replay(Events, Settings, Clock);
        Assert.All(new long[] { 2, 3, 4 }, m => Assert.Equal(Ledger.BalanceOf(m), replayed.BalanceOf(m)));
    }

    [Fact]
    public void Pending_withdrawals_list_the_unsettled_requests_oldest_first_for_everyone_or_one_member()
    {
        Record(Ledger.Accrue(Order("o1", 3600m), Start));
        Clock.Advance(TimeSpan.FromDays(7));
        Record(Ledger.RequestWithdrawal("w1", 4, Money.Cny(100m)));
        Record(Ledger.RequestWithdrawal("w2", 3, Money.Cny(50m)));
        Record(Ledger.RequestWithdrawal("w3", 4, Money.Cny(100m)));
        Record(Ledger.RequestWithdrawal("w4", 2, Money.Cny(30m)));

        Record(Ledger.MarkWithdrawalPaid("w1"));
        Record(Ledger.RejectWithdrawal("w4", "bank account closed"));

        Assert.Equal(["w2", "w3"], Ledger.PendingWithdrawals().Select(w => w.WithdrawalId));
        Assert.Equal(["w3"], Ledger.PendingWithdrawals(4).Select(w => w.WithdrawalId));
        Assert.Empty(Ledger.PendingWithdrawals(2));
        Assert.Empty(Ledger.PendingWithdrawals(99));
        Assert.Equal(["w2", "w3"], CommissionLedger.Replay(Events, Settings, Clock).PendingWithdrawals().Select(w => w.WithdrawalId));
    }

    [Fact]
    public void Settling_a_withdrawal_twice_is_refused_so_no_settlement_is_stored_twice()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));
        Ledger.RequestWithdrawal("w1", 4, Money.Cny(100m));
        Ledger.MarkWithdrawalPaid("w1");

        Assert.Equal(CommissionErrorCodes.WithdrawalSettled, Assert.Throws<CommissionException>(() => Ledger.MarkWithdrawalPaid("w1")).ErrorCode);
        Assert.Equal(CommissionErrorCodes.WithdrawalSettled, Assert.Throws<CommissionException>(() => Ledger.RejectWithdrawal("w1", "late")).ErrorCode);
        Assert.Equal(CommissionErrorCodes.UnknownWithdrawal, Assert.Throws<CommissionException>(() => Ledger.MarkWithdrawalPaid("w9")).ErrorCode);
        Assert.Equal(Money.Cny(100m), Ledger.BalanceOf(4).PaidOut);
    }

    [Fact]
    public void The_same_order_line_accrued_again_with_another_amount_is_refused_and_enters_nothing()
    {
        var first = Order("o1", 3600m);
        Record(Ledger.Accrue(first, Start));
        var before = Events.Count;
        var line = first.Lines[0];
        var changed = first with
        {
            Lines = [line with { Amount = line.Amount.Add(Money.Cny(0.01m)) }, .. first.Lines[1..]],
        };

        var conflict = Assert.Throws<CommissionException>(() => Ledger.Accrue(changed, Start));

        Assert.Equal(CommissionErrorCodes.OrderLineAccrued, conflict.ErrorCode);
        Assert.Contains(line.Key.ToString(), conflict.Message, StringComparison.Ordinal);
        Assert.Empty(Ledger.Accrue(first, Start));
        Assert.Equal(before, Events.Count);
        Assert.Equal(first.Lines.Sum(l => l.Amount.MinorUnits), first.Lines.Sum(l => Ledger.BalanceOf(l.Beneficiary).Pending.MinorUnits));
    }

    public static TheoryData<string, int, string> BadStreams => new()
    {
        { "withdrawal requested twice", 2, "withdrawal 'w1' is already recorded" },
        { "withdrawal paid twice", 3, "withdrawal 'w1' is already paid or rejected" },
        { "payment of an unknown withdrawal", 1, "withdrawal 'w9' was never requested" },
        { "payment recorded for another member", 2, "withdrawal 'w1' was requested by member 4, not 3" },
        { "commission accrued twice", 1, "commission o1/4/standard/level-1 is already accrued" },
        { "refund recorded twice before its accrual", 2, "refund 'r1' of order line 'o9' is already recorded" },
        { "accrual after refunds over its amount paid", 2, "refunds of order line 'o1' recorded before its accrual total ¥105.00, over the ¥100.00 paid" },
        { "refund recorded twice", 2, "refund 'r1' of order line 'o1' is already recorded" },
        { "reversal of a commission never accrued", 1, "commission o9/4/standard/level-1 was never accrued" },
        { "reversal over what the commission holds", 1, "exceeds the ¥10.00 it still holds" },
        { "accrual in another currency", 0, "the ledger keeps CNY" },
    };

    [Theory]
    [MemberData(nameof(BadStreams))]
    public void Replay_rejects_a_stream_that_does_not_fit_naming_the_event_and_the_problem(string stream, int index, string problem)
    {
        var at = Start;
        var key = new CommissionKey("o1", 4, "standard/level-1");
        var accrued = new CommissionAccrued(key, 1, Money.Cny(10m), Money.Cny(100m), at, at);
        var requested = new WithdrawalRequested("w1", 4, Money.Cny(10m), Money.Zero(Currency.CNY), at);
        var paid = new WithdrawalPaid("w1", 4, at);
        var refund = new RefundRecorded("o1", "r1", Money.Cny(10m), at);
        IDomainEvent[] events = stream switch
        {
            "withdrawal requested twice" => [accrued, requested, requested],
            "withdrawal paid twice" => [accrued, requested, paid, paid],
            "payment of an unknown withdrawal" => [accrued, new WithdrawalPaid("w9", 4, at)],
            "payment recorded for another member" => [accrued, requested, new WithdrawalRejected("w1", 3, "x", at)],
            "commission accrued twice" => [accrued, accrued],
            "refund recorded twice before its accrual" => [accrued, refund with { OrderLineId = "o9" }, refund with { OrderLineId = "o9" }],
            "accrual after refunds over its amount paid" => [refund with { Amount = Money.Cny(100m) }, refund with { RefundId = "r2", Amount = Money.Cny(5m) }, accrued],
            "refund recorded twice" => [accrued, refund, refund],
            "reversal of a commission never accrued" => [accrued, new CommissionReversed(key with { OrderLineId = "o9" }, "r1", Money.Cny(1m), at)],
            "reversal over what the commission holds" => [accrued, new CommissionReversed(key, "r1", Money.Cny(10.01m), at)],
            _ => [accrued with { Amount = Money.Usd(10m), OrderAmountPaid = Money.Usd(100m) }],
        };

        var error = Assert.Throws<ReplayException>(() => CommissionLedger.Replay(events, Settings, Clock));

        Assert.Equal(CommissionErrorCodes.ReplayMismatch, error.ErrorCode);
        Assert.Equal(index, error.Index);
        Assert.Same(events[index], error.Event);
        Assert.StartsWith($"Event {index} ({events[index].GetType().Name}) does not fit: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_positions_count_every_event_in_the_stream_andEvents_of_other_kinds_are_ignored()
    {
        var accrued = Ledger.Accrue(Order("o1", 3600m), Start); // member 4 earns ¥360, available a week later
        var requested = new WithdrawalRequested("w1", 4, Money.Cny(10m), Money.Zero(Currency.CNY), Start + Settings.FreezePeriod);
        IDomainEvent[] events = [new MemberRegistered(4, default, Start), .. accrued, requested, new ReferralLocked(4, Start), requested];

        var error = Assert.Throws<ReplayException>(() => CommissionLedger.Replay(events, Settings, Clock));

        Assert.Equal(accrued.Length + 3, error.Index);
    }

    [Fact]
    public void Applying_an_event_that_does_not_fit_leaves_a_liveLedger_as_it_was()
    {
        var accrued = Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));
        var requested = Ledger.RequestWithdrawal("w1", 4, Money.Cny(100m))!;
        var before = Ledger.BalanceOf(4);

        var twice = Assert.Throws<ReplayException>(() => Ledger.Apply(requested));
        var again = Assert.Throws<ReplayException>(() => Ledger.Apply(accrued[0]));

        Assert.Equal(4, twice.Index); // three accruals and one request were applied before it
        Assert.Equal(4, again.Index);
        Assert.Equal(before, Ledger.BalanceOf(4));
        Assert.Equal(["w1"], Ledger.PendingWithdrawals().Select(w => w.WithdrawalId));
        Ledger.Apply(new MemberRegistered(9, default, Start)); // not a ledger event: ignored
        Assert.Equal(before, Ledger.BalanceOf(4));
    }
}
