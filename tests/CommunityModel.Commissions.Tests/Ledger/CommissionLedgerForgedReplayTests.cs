using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>
/// A stored ledger stream that was tampered with must not replay into commission nobody earned: every event is re-checked
/// as strictly as the live operation, and the refusal names the event's index.
/// </summary>
public class CommissionLedgerForgedReplayTests : LedgerTestBase
{
    public CommissionLedgerForgedReplayTests()
    {
        Record(Ledger.Accrue(Order("o-1", 3600m), Clock.GetUtcNow())); // 4 earns ¥360, 3 earns ¥180, 2 earns ¥108
        Clock.Advance(Settings.FreezePeriod + TimeSpan.FromDays(1));
        Record(Ledger.Refund("o-1", "r-1", Money.Cny(1200m)).Events); // a third back: 4 keeps ¥240
        Record(Ledger.RequestWithdrawal("w-1", 4, Money.Cny(100m)));
    }

    public static TheoryData<string> Forgeries => [.. Forge.Keys];

    [Fact]
    public void The_genuine_history_replays()
    {
        var replayed = CommissionLedger.Replay(Events, Settings, Clock);

        Assert.Equal(Ledger.BalanceOf(4), replayed.BalanceOf(4));
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_forged_event_is_refused_at_its_index(string forgery)
    {
        var (index, forged) = Forge[forgery](Events);
        var events = Events.ToList();
        events[index] = forged;

        var error = Assert.Throws<ReplayException>(() => CommissionLedger.Replay(events, Settings, Clock));

        Assert.Equal(CommissionErrorCodes.ReplayMismatch, error.ErrorCode);
        Assert.Equal(index, error.Index);
        Assert.Same(forged, error.Event);
    }

    [Fact]
    public void A_refusal_names_what_the_forged_event_contradicts()
    {
        // Member 4 had ¥240 available when the forged ¥1,000 was taken.
        var greedy = Refusal(At<WithdrawalRequested>(Events, w => w with { Amount = Money.Cny(1000m) }));
        // The second accrual of o-1 claims another amount paid than the first.
        var index = Events.FindIndex(e => e is CommissionAccrued) + 1;
        var repaid = Refusal((index, ((CommissionAccrued)Events[index]) with { OrderAmountPaid = Money.Cny(3000m) }));
        // A zero refund of an order line not accrued yet: no amount paid is known to name.
        var zero = Assert.Throws<ReplayException>(() => CommissionLedger.Replay([new RefundRecorded("o-9", "r-9", Money.Cny(0m), Start)], Settings, Clock));

        Assert.Contains("member 4 had ¥240.00 available", greedy.Problem, StringComparison.Ordinal);
        Assert.Contains("order line 'o-1' was accrued with ¥3,600.00 paid, not ¥3,000.00", repaid.Problem, StringComparison.Ordinal);
        Assert.Contains("over the amount paid", zero.Problem, StringComparison.Ordinal);
        Assert.Equal(0, zero.Index);
    }

    private ReplayException Refusal((int Index, IDomainEvent Forged) forgery)
    {
        var events = Events.ToList();
        events[forgery.Index] = forgery.Forged;
        return Assert.Throws<ReplayException>(() => CommissionLedger.Replay(events, Settings, Clock));
    }

    private static readonly Dictionary<string, Func<List<IDomainEvent>, (int, IDomainEvent)>> Forge = new()
    {
        ["a negative accrual"] = h => At<CommissionAccrued>(h, a => a with { Amount = Money.Cny(-360m) }),
        ["a zero accrual, which no live operation enters"] = h => At<CommissionAccrued>(h, a => a with { Amount = Money.Cny(0m) }),
        ["an accrual in another currency"] = h => At<CommissionAccrued>(h, a => a with { Amount = new Money(360m, Currency.USD) }),
        ["a negative reversal, which would mint commission"] = h => At<CommissionReversed>(h, r => r with { Amount = Money.Cny(-120m) }),
        ["a reversal above what the entry holds"] = h => At<CommissionReversed>(h, r => r with { Amount = Money.Cny(100_000m) }),
        ["a refund above the amount paid"] = h => At<RefundRecorded>(h, r => r with { Amount = Money.Cny(5000m) }),
        ["a zero refund"] = h => At<RefundRecorded>(h, r => r with { Amount = Money.Cny(0m) }),
        ["a refund in another currency"] = h => At<RefundRecorded>(h, r => r with { Amount = new Money(1200m, Currency.USD) }),
        ["a withdrawal above the balance"] = h => At<WithdrawalRequested>(h, w => w with { Amount = Money.Cny(1000m) }),
        ["a negative withdrawal"] = h => At<WithdrawalRequested>(h, w => w with { Amount = Money.Cny(-100m) }),
        ["a withdrawal before the commission matured"] = h => At<WithdrawalRequested>(h, w => w with { OccurredAt = Start }),
        ["a fee above the amount"] = h => At<WithdrawalRequested>(h, w => w with { Fee = Money.Cny(101m) }),
        ["a negative fee"] = h => At<WithdrawalRequested>(h, w => w with { Fee = Money.Cny(-1m) }),
        ["a withdrawal in another currency"] = h => At<WithdrawalRequested>(h, w => w with { Amount = new Money(100m, Currency.USD) }),
    };

    private static (int, IDomainEvent) At<T>(List<IDomainEvent> history, Func<T, T> forge) where T : IDomainEvent
    {
        var index = history.FindIndex(e => e is T);
        return (index, forge((T)history[index]));
    }
}
