using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>
/// The worked example the ledger tests share: the line 1 ── 2 ── 3 ── 4 ── 5 on a 10% / 5% / 3% plan, a
/// ledger with a ¥10 minimum and a 0.6% fee on a fake clock, and the events it returned so far.
/// </summary>
public abstract class LedgerTestBase
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    protected static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]);
    protected static readonly CommissionCalculator Calculator = new(new CommissionPlanBuilder("standard").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).Build());

    protected LedgerTestBase() => Ledger = new CommissionLedger(Settings, Clock);

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected List<IDomainEvent> Events { get; } = [];

    protected LedgerOptions Settings { get; } = new() { MinimumWithdrawal = Money.Cny(10m), WithdrawalFee = Rate.FromPercent(0.6m) };

    protected CommissionLedger Ledger { get; }

    protected static OrderCommission Order(string id, decimal paid, long buyer = 5) => Calculator.Calculate(new CommissionableOrder(id, buyer, Money.Cny(paid)), Chain);

    protected void Record(IEnumerable<IDomainEvent> events) => Events.AddRange(events);

    protected void Record(IDomainEvent? e)
    {
        if (e is not null)
        {
            Events.Add(e);
        }
    }
}
