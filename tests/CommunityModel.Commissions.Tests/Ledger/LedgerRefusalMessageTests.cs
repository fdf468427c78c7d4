using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>
/// Every refusal of the ledger is typed and says what was wrong — the argument, the id, the amount and the balance
/// it was checked against — on the shared worked example (member 4 earns 10%, 3 earns 5%, 2 earns 3% of each order).
/// </summary>
public class LedgerRefusalMessageTests : LedgerTestBase
{
    [Fact]
    public void A_missing_argument_is_refused_naming_the_parameter()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new CommissionLedger(null!, Clock)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new CommissionLedger(Settings, null!)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => CommissionLedger.Replay(null!, Settings, Clock)).ParamName);
        Assert.Equal("domainEvent", Assert.Throws<ArgumentNullException>(() => CommissionLedger.Replay([null!], Settings, Clock)).ParamName);
        Assert.Equal("commission", Assert.Throws<ArgumentNullException>(() => Ledger.Accrue(null!, Start)).ParamName);
        Assert.Equal("orderLineId", Assert.Throws<ArgumentException>(() => Ledger.Accrue(Order("o1", 3600m) with { OrderLineId = "" }, Start)).ParamName);
        Assert.Equal("orderLineId", Assert.Throws<ArgumentException>(() => Ledger.Refund("", "r1", Money.Cny(1m))).ParamName);
        Assert.Equal("refundId", Assert.Throws<ArgumentException>(() => Ledger.Refund("o1", "", Money.Cny(1m))).ParamName);
        Assert.Equal("withdrawalId", Assert.Throws<ArgumentException>(() => Ledger.TryRequestWithdrawal("", 4, Money.Cny(10m))).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => Ledger.RejectWithdrawal("w1", " ")).ParamName);
        Assert.True(Ledger.BalanceOf(4).Pending.IsZero);
    }

    [Fact]
    public void A_commission_paid_or_based_in_another_currency_is_refused_as_a_currency_mismatch_of_the_accrual()
    {
        var order = Order("o1", 3600m);

        var paid = Assert.Throws<CurrencyMismatchException>(() => Ledger.Accrue(order with { AmountPaid = new Money(3600m, Currency.USD) }, Start));
        var based = Assert.Throws<CurrencyMismatchException>(() => Ledger.Accrue(order with { Base = new Money(3600m, Currency.USD) }, Start));

        Assert.All([paid, based], e => Assert.Equal((Currency.CNY, Currency.USD), (e.Left, e.Right)));
        Assert.All([paid, based], e => Assert.Contains("accrue commission", e.Message, StringComparison.Ordinal));
        Assert.False(Ledger.HasOrderLine("o1"));
    }

    [Fact]
    public void A_negative_line_or_a_line_in_another_currency_is_refused_and_nothing_is_accrued()
    {
        var order = Order("o1", 3600m);
        var negative = order with { Lines = [order.Lines[0] with { Amount = Money.Cny(-1m) }, .. order.Lines[1..]] };
        var foreign = order with { Lines = [.. order.Lines[..2], order.Lines[2] with { Amount = new Money(108m, Currency.USD) }] };

        var below = Assert.Throws<CommissionException>(() => Ledger.Accrue(negative, Start));
        var other = Assert.Throws<CommissionException>(() => Ledger.Accrue(foreign, Start));

        Assert.Equal((CommissionErrorCodes.InvalidRequest, CommissionErrorCodes.InvalidRequest), (below.ErrorCode, other.ErrorCode));
        Assert.Contains("-¥1.00", below.Message, StringComparison.Ordinal);
        Assert.Contains("of $108.00 is negative or not in CNY", other.Message, StringComparison.Ordinal);
        Assert.False(Ledger.HasOrderLine("o1"));
        Assert.Empty(Ledger.EntriesOf(4));
    }

    [Fact]
    public void A_different_result_for_an_accrued_order_line_names_how_it_differs()
    {
        var order = Order("o1", 3600m);
        Ledger.Accrue(order, Start);

        var fewer = Assert.Throws<CommissionException>(() => Ledger.Accrue(order with { Lines = order.Lines[..2] }, Start));
        var other = Assert.Throws<CommissionException>(() => Ledger.Accrue(order with { Lines = [order.Lines[0] with { Beneficiary = 1 }, .. order.Lines[1..]] }, Start));

        Assert.Equal((CommissionErrorCodes.OrderLineAccrued, CommissionErrorCodes.OrderLineAccrued), (fewer.ErrorCode, other.ErrorCode));
        Assert.Contains("2 line(s) for order line 'o1'", fewer.Message, StringComparison.Ordinal);
        Assert.Contains("of ¥360.00 was not accrued", other.Message, StringComparison.Ordinal);
        Assert.Equal(Money.Cny(360m), Ledger.BalanceOf(4).Pending);
        Assert.True(Ledger.BalanceOf(1).Pending.IsZero);
    }

    [Fact]
    public void A_refused_refund_names_the_refund_the_order_line_and_the_amounts()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Ledger.Refund("o1", "r1", Money.Cny(1000m));

        var zero = Assert.Throws<CommissionException>(() => Ledger.Refund("o1", "r2", Money.Cny(0m)));
        var conflict = Assert.Throws<CommissionException>(() => Ledger.Refund("o1", "r1", Money.Cny(900m)));
        var over = Assert.Throws<CommissionException>(() => Ledger.Refund("o1", "r2", Money.Cny(2600.01m)));

        Assert.Equal(
            (CommissionErrorCodes.InvalidRequest, CommissionErrorCodes.IdConflict, CommissionErrorCodes.RefundExceedsPaid),
            (zero.ErrorCode, conflict.ErrorCode, over.ErrorCode));
        Assert.Contains("Refund 'r2' of ¥0.00 is not a positive amount in CNY", zero.Message, StringComparison.Ordinal);
        Assert.Contains("already recorded for ¥1,000.00, not ¥900.00", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("to ¥3,600.01, over the ¥3,600.00 paid", over.Message, StringComparison.Ordinal);
        Assert.Equal(Money.Cny(260m), Ledger.BalanceOf(4).Pending);
    }

    [Fact]
    public void A_refused_withdrawal_names_the_amount_and_the_balance_it_was_checked_against()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));

        var negative = Assert.Single(Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(-1m)).Refusals);
        var small = Assert.Single(Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(9.99m)).Refusals);
        var over = Assert.Single(Ledger.TryRequestWithdrawal("w1", 4, Money.Cny(360.01m)).Refusals);

        Assert.Contains("positive amount in CNY; -¥1.00 is not", negative.Message, StringComparison.Ordinal);
        Assert.Contains("¥9.99 is below the minimum withdrawal of ¥10.00", small.Message, StringComparison.Ordinal);
        Assert.Contains("¥360.01 exceeds member 4's available balance of ¥360.00", over.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_with_nothing_available_is_refused_on_the_amount_not_as_a_debt()
    {
        // Member 1 tops the line and earns nothing: a balance of exactly zero is not a debt to pay back first.
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));

        var refusal = Assert.Single(Ledger.TryRequestWithdrawal("w1", 1, Money.Cny(10m)).Refusals);

        Assert.Equal(("amount", CommissionErrorCodes.InsufficientBalance), (refusal.Field, refusal.Code));
        Assert.Contains("available balance of ¥0.00", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settling_an_unknown_or_settled_withdrawal_names_it()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));
        Ledger.RequestWithdrawal("w1", 4, Money.Cny(100m));
        Ledger.MarkWithdrawalPaid("w1");

        var unknown = Assert.Throws<CommissionException>(() => Ledger.MarkWithdrawalPaid("w9"));
        var settled = Assert.Throws<CommissionException>(() => Ledger.RejectWithdrawal("w1", "duplicate"));

        Assert.Equal((CommissionErrorCodes.UnknownWithdrawal, CommissionErrorCodes.WithdrawalSettled), (unknown.ErrorCode, settled.ErrorCode));
        Assert.Contains("No withdrawal has id 'w9'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("Withdrawal 'w1' is already paid or rejected", settled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fee_of_the_whole_amount_is_a_valid_withdrawal_live_and_on_replay()
    {
        var options = new LedgerOptions { MinimumWithdrawal = Money.Cny(10m), WithdrawalFee = Rate.FromPercent(100) };
        var ledger = new CommissionLedger(options, Clock);
        Record(ledger.Accrue(Order("o1", 3600m), Start));
        Clock.Advance(TimeSpan.FromDays(7));

        var requested = ledger.RequestWithdrawal("w1", 4, Money.Cny(100m));
        Record(requested);
        Record(ledger.MarkWithdrawalPaid("w1"));

        Assert.Equal(Money.Cny(100m), requested!.Fee);
        Assert.Equal(Money.Cny(100m), ledger.BalanceOf(4).FeesPaid);
        Assert.Equal(ledger.BalanceOf(4), CommissionLedger.Replay(Events, options, Clock).BalanceOf(4));
    }

    [Fact]
    public void The_last_fen_refunded_after_the_commission_is_wholly_reversed_reverses_nothing_more()
    {
        // ¥1.00 paid: 4 earns ¥0.10, 3 ¥0.05, 2 ¥0.03, ¥0.18 in all. ¥0.99 back reverses the rounded share
        // 18 × 99/100 = 17.82 → all 18 fen; the last fen is recorded and has nothing left to reverse.
        Ledger.Accrue(Order("o1", 1m), Start);
        var most = Ledger.Refund("o1", "r1", Money.Cny(0.99m));
        Assert.Equal(Money.Cny(0.18m), most.Reversed);
        Assert.All(Ledger.EntriesOf(4).Concat(Ledger.EntriesOf(3)).Concat(Ledger.EntriesOf(2)), e => Assert.Equal(LedgerEntryStatus.Reversed, e.Status));

        var last = Ledger.Refund("o1", "r2", Money.Cny(0.01m));

        Assert.Equal(RefundOutcome.Recorded, last.Outcome);
        Assert.True(last.Reversed.IsZero);
        Assert.IsType<RefundRecorded>(Assert.Single(last.Events));
    }
}
