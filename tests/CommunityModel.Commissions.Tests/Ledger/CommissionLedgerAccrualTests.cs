using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>An order line is accrued once, as a whole; refunds may come before it. Worked on the chain 1 ── 2 ── 3 ── 4 ── 5, 10% / 5% / 3%.</summary>
public class CommissionLedgerAccrualTests : LedgerTestBase
{
    private static readonly CommissionCalculator OtherPlan = new(new CommissionPlanBuilder("spring").Level(Rate.FromPercent(12)).Level(Rate.FromPercent(4)).Build());

    [Fact]
    public void Re_accruing_an_order_under_another_plan_is_refused_naming_the_order_line_and_pays_it_once()
    {
        Record(Ledger.Accrue(Order("o1", 3600m), Start)); // member 4 earns ¥360, 3 earns ¥180, 2 earns ¥108
        var before = Events.Count;

        var refused = Assert.Throws<CommissionException>(() => Ledger.Accrue(OtherPlan.Calculate(new CommissionableOrder("o1", 5, Money.Cny(3600m)), Chain), Start));

        Assert.Equal(CommissionErrorCodes.OrderLineAccrued, refused.ErrorCode);
        Assert.Contains("'o1'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Events.Count);
        Assert.Equal((Money.Cny(360m), Money.Cny(180m), Money.Cny(108m)), (Ledger.BalanceOf(4).Pending, Ledger.BalanceOf(3).Pending, Ledger.BalanceOf(2).Pending));
        Assert.Single(Ledger.EntriesOf(4));
    }

    [Fact]
    public void Re_accruing_an_order_with_other_lines_or_another_amount_paid_is_refused_and_the_identical_result_is_a_no_op()
    {
        var first = Order("o1", 3600m);
        Ledger.Accrue(first, Start);

        var fewer = Assert.Throws<CommissionException>(() => Ledger.Accrue(first with { Lines = first.Lines[..2] }, Start));
        var repriced = Assert.Throws<CommissionException>(() => Ledger.Accrue(Order("o1", 3000m), Start));

        Assert.Equal((CommissionErrorCodes.OrderLineAccrued, CommissionErrorCodes.OrderLineAccrued), (fewer.ErrorCode, repriced.ErrorCode));
        Assert.Contains("¥3,000.00 paid", repriced.Message, StringComparison.Ordinal);
        Assert.Empty(Ledger.Accrue(first, Start.AddDays(3))); // the same result, even stamped later, changes nothing
        Assert.Equal(Money.Cny(360m), Ledger.BalanceOf(4).Pending);
    }

    [Fact]
    public void A_result_naming_a_line_twice_or_a_line_of_another_order_is_refused_and_nothing_is_entered()
    {
        var commission = Order("o1", 3600m);
        var twice = commission with { Lines = [.. commission.Lines, commission.Lines[0]] };
        var foreign = commission with { Lines = [commission.Lines[0], commission.Lines[1] with { OrderLineId = "o2" }] };

        var duplicate = Assert.Throws<CommissionException>(() => Ledger.Accrue(twice, Start));
        var other = Assert.Throws<CommissionException>(() => Ledger.Accrue(foreign, Start));

        Assert.Equal((CommissionErrorCodes.IdConflict, CommissionErrorCodes.IdConflict), (duplicate.ErrorCode, other.ErrorCode));
        Assert.Contains("o2", other.Message, StringComparison.Ordinal);
        Assert.False(Ledger.HasOrderLine("o1"));
        Assert.Empty(Ledger.EntriesOf(4));
    }

    [Fact]
    public void A_line_the_cap_scaled_to_zero_is_not_entered()
    {
        var commission = Order("o1", 3600m);
        var zero = commission with { Lines = [.. commission.Lines[..2], commission.Lines[2] with { Amount = Money.Zero(Currency.CNY), Capped = true }] };

        var events = Ledger.Accrue(zero, Start);

        Assert.Equal(2, events.Length);
        Assert.Empty(Ledger.EntriesOf(2)); // level 3 (member 2) was scaled to zero
        Assert.Empty(Ledger.Accrue(zero, Start));
    }

    [Fact]
    public void A_refund_before_its_accrual_is_kept_and_reversed_by_the_accrual_exactly_as_if_it_had_come_after()
    {
        // Refund ¥1,000 of ¥3,600 first, then accrue: member 4's ¥360 loses 1000/3600 of it, ¥100 — as if in the usual order.
        var refund = Ledger.Refund("o1", "r1", Money.Cny(1000m));
        Record(refund.Events);

        Assert.Equal(RefundOutcome.AwaitingAccrual, refund.Outcome);
        Assert.IsType<RefundRecorded>(Assert.Single(refund.Events));
        Assert.True(refund.Reversed.IsZero);
        Assert.False(Ledger.HasOrderLine("o1"));
        Assert.Equal(RefundOutcome.AlreadyRecorded, Ledger.Refund("o1", "r1", Money.Cny(1000m)).Outcome);

        var accrual = Ledger.Accrue(Order("o1", 3600m), Start);
        Record(accrual);

        Assert.Equal(3, accrual.OfType<CommissionAccrued>().Count());
        Assert.Equal([Money.Cny(100m), Money.Cny(50m), Money.Cny(30m)], accrual.OfType<CommissionReversed>().Select(r => r.Amount));
        Assert.All(accrual.OfType<CommissionReversed>(), r => Assert.Equal("r1", r.RefundId));
        var inUsualOrder = new CommissionLedger(Settings, Clock);
        inUsualOrder.Accrue(Order("o1", 3600m), Start);
        inUsualOrder.Refund("o1", "r1", Money.Cny(1000m));
        var replayed = CommissionLedger.Replay(Events, Settings, Clock);
        Assert.All(new long[] { 2, 3, 4 }, m =>
        {
            Assert.Equal(inUsualOrder.BalanceOf(m), Ledger.BalanceOf(m));
            Assert.Equal(inUsualOrder.EntriesOf(m).ToArray(), Ledger.EntriesOf(m).ToArray());
            Assert.Equal(Ledger.BalanceOf(m), replayed.BalanceOf(m));
        });
        Assert.Equal(Money.Cny(260m), Ledger.BalanceOf(4).Pending);

        // The rest refunded after the accrual: every line nets to exactly zero.
        Record(Ledger.Refund("o1", "r2", Money.Cny(2600m)).Events);
        Assert.All(new long[] { 2, 3, 4 }, m => Assert.True(Ledger.BalanceOf(m).NetEarned.IsZero));
        Assert.All(new long[] { 2, 3, 4 }, m => Assert.True(CommissionLedger.Replay(Events, Settings, Clock).BalanceOf(m).NetEarned.IsZero));
    }

    [Fact]
    public void Refunds_before_the_accrual_above_the_amount_paid_refuse_the_accrual_and_nothing_is_entered()
    {
        Ledger.Refund("o1", "r1", Money.Cny(3000m));
        Ledger.Refund("o1", "r2", Money.Cny(700m));

        var refused = Assert.Throws<CommissionException>(() => Ledger.Accrue(Order("o1", 3600m), Start));

        Assert.Equal(CommissionErrorCodes.RefundExceedsPaid, refused.ErrorCode);
        Assert.Contains("¥3,700.00", refused.Message, StringComparison.Ordinal);
        Assert.False(Ledger.HasOrderLine("o1"));
        Assert.Empty(Ledger.EntriesOf(4));
    }

    [Fact]
    public void A_refund_of_an_order_line_that_never_earns_stays_recorded_harmlessly()
    {
        var rootOrder = Calculator.Calculate(new CommissionableOrder("o2", 1, Money.Cny(500m)), Chain); // the root has no upline
        var refund = Ledger.Refund("o2", "r1", Money.Cny(500m));
        Record(refund.Events);

        Assert.Empty(Ledger.Accrue(rootOrder, Start));
        Assert.Equal(RefundOutcome.AwaitingAccrual, refund.Outcome);
        Assert.False(Ledger.HasOrderLine("o2"));
        Assert.Empty(CommissionLedger.Replay(Events, Settings, Clock).EntriesOf(1));
        Assert.Equal(CommissionErrorCodes.IdConflict, Assert.Throws<CommissionException>(() => Ledger.Refund("o2", "r1", Money.Cny(400m))).ErrorCode);
    }
}
