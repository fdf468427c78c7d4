using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Ledger;

public class CommissionLedgerRefundOrderProperties
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    // A team order that earns (levels, differential, peer, cap), refund cuts in the amount paid, whether the refunds
    // go all the way, and how many of them come before the accrual.
    private static Arbitrary<(TeamScenario Scenario, int[] Cuts, bool Full, int Before)> Sequences =>
        TeamScenarios.Scenarios.Generator
            .Where(s => s.Order.AmountPaid.IsPositive)
            .SelectMany(s => Gen.Choose(1, 6).SelectMany(n => Gen.Choose(0, int.MaxValue).ArrayOf(n))
                .SelectMany(cuts => Gen.Elements(false, true).SelectMany(full => Gen.Choose(0, 7).Select(before => (s, cuts, full, before)))))
            .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Refunds_before_or_after_the_accrual_reverse_each_entry_in_proportion_exactly_and_replay_to_the_same_balances() =>
        Prop.ForAll(Sequences, t =>
        {
            var (s, cuts, full, before) = t;
            var commission = new CommissionCalculator(s.Plan).Calculate(s.Order, s.Ranks, s.Earners);
            var paid = s.Order.AmountPaid.MinorUnits;
            var points = cuts.Select(c => 1 + (c % paid)).Concat(full ? [paid] : []).Distinct().Order().ToArray();
            var refunds = points.Select((p, i) => (Id: $"r{i}", Amount: Money.FromMinorUnits(p - (i == 0 ? 0 : points[i - 1]), s.Order.AmountPaid.Currency))).ToArray();
            var refunded = points.Length == 0 ? 0 : points[^1];

            var clock = new FakeTimeProvider(Start);
            var ledger = new CommissionLedger(new LedgerOptions(), clock);
            var usual = new CommissionLedger(new LedgerOptions(), clock);
            var events = new List<IDomainEvent>();
            var first = Math.Min(before, refunds.Length);
            foreach (var (id, amount) in refunds[..first])
            {
                events.AddRange(ledger.Refund(s.Order.OrderLineId, id, amount).Events);
            }

            events.AddRange(ledger.Accrue(commission, Start));
            foreach (var (id, amount) in refunds[first..])
            {
                events.AddRange(ledger.Refund(s.Order.OrderLineId, id, amount).Events);
            }

            usual.Accrue(commission, Start);
            foreach (var (id, amount) in refunds)
            {
                usual.Refund(s.Order.OrderLineId, id, amount);
            }

            var earning = commission.Lines.Where(l => l.Amount.IsPositive).ToArray();
            var entries = earning.Select(l => l.Beneficiary).Distinct().SelectMany(m => ledger.EntriesOf(m)).ToArray();
            var total = earning.Sum(l => l.Amount.MinorUnits);
            var reversed = entries.Sum(e => e.Reversed.MinorUnits);
            var replayed = CommissionLedger.Replay(events, new LedgerOptions(), clock);
            var members = earning.Select(l => l.Beneficiary).Distinct().ToArray();
            return (entries.Length == earning.Length).Label("every line above zero is one entry")
                .And(members.All(m => ledger.EntriesOf(m).SequenceEqual(usual.EntriesOf(m)) && ledger.BalanceOf(m) == usual.BalanceOf(m))).Label("the same as refunds after the accrual")
                .And((Math.Abs((reversed * (decimal)paid) - ((decimal)total * refunded)) < paid).Label($"reversed {reversed} is the refunded share of {total}, to the fen"))
                .And(entries.All(e => Math.Abs((e.Reversed.MinorUnits * (decimal)paid) - ((decimal)e.Amount.MinorUnits * refunded)) < paid * (decimal)refunds.Length)).Label("each entry in proportion")
                .And((!full || entries.All(e => e.Net.IsZero))).Label("full refunds net every entry to zero")
                .And(members.All(m => replayed.BalanceOf(m) == ledger.BalanceOf(m) && replayed.EntriesOf(m).SequenceEqual(ledger.EntriesOf(m)))).Label("replay");
        });
}
