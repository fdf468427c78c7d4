using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Ledger;

public class CommissionLedgerProperties
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    // A scenario with commission to reverse, and refund cuts (points in the amount paid) in any order.
    private static Arbitrary<(Scenario Scenario, int[] Cuts, bool WithdrawFirst)> Refunds =>
        CommissionGenerators.Scenarios.Generator
            .Where(s => s.Order.AmountPaid.IsPositive)
            .SelectMany(s => Gen.Choose(1, 8).SelectMany(n => Gen.Choose(0, int.MaxValue).ArrayOf(n))
                .SelectMany(cuts => Gen.Elements(false, true).Select(w => (s, cuts, w))))
            .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Refunds_full_partial_repeated_or_after_payout_net_to_exactly_zero_commission() =>
        Prop.ForAll(Refunds, t =>
        {
            var (s, cuts, withdrawFirst) = t;
            var clock = new FakeTimeProvider(Start);
            var ledger = new CommissionLedger(new LedgerOptions(), clock);
            var commission = new CommissionCalculator(s.Plan).Calculate(s.Order, s.Earners);
            ledger.Accrue(commission, Start);
            if (commission.Lines.IsEmpty)
            {
                return !ledger.HasOrderLine(s.Order.OrderLineId);
            }

            clock.Advance(TimeSpan.FromDays(7));
            if (withdrawFirst)
            {
                foreach (var line in commission.Lines)
                {
                    ledger.RequestWithdrawal($"w-{line.Level}", line.Beneficiary, line.Amount);
                    ledger.MarkWithdrawalPaid($"w-{line.Level}");
                }
            }

            var paid = s.Order.AmountPaid.MinorUnits;
            var points = cuts.Select(c => c % paid).Append(paid).Distinct().Order().ToArray();
            long previous = 0;
            var total = commission.TotalPaid.MinorUnits;
            var ok = true;
            for (var i = 0; i < points.Length; i++)
            {
                if (points[i] == previous)
                {
                    continue;
                }

                var first = ledger.Refund(s.Order.OrderLineId, $"r{i}", Money.FromMinorUnits(points[i] - previous, s.Order.AmountPaid.Currency));
                var again = ledger.Refund(s.Order.OrderLineId, $"r{i}", Money.FromMinorUnits(points[i] - previous, s.Order.AmountPaid.Currency));
                ok &= first.Outcome == RefundOutcome.Recorded && again.Outcome == RefundOutcome.AlreadyRecorded && again.Events.IsEmpty;
                previous = points[i];
                var net = commission.Lines.Select(l => l.Beneficiary).Distinct().Sum(m => ledger.BalanceOf(m).NetEarned.MinorUnits);
                var exact = (decimal)total * (paid - previous) / paid;
                ok &= Math.Abs(net - exact) <= 1m && net >= 0;
            }

            return ok && commission.Lines.All(l => ledger.BalanceOf(l.Beneficiary).NetEarned.IsZero)
                && commission.Lines.All(l => ledger.BalanceOf(l.Beneficiary).Available.MinorUnits == (withdrawFirst ? -ledger.BalanceOf(l.Beneficiary).PaidOut.MinorUnits : 0));
        });

    [Property(MaxTest = 1000)]
    public Property Accruing_the_same_order_any_number_of_times_pays_once() =>
        Prop.ForAll(CommissionGenerators.Scenarios, Gen.Choose(1, 5).ToArbitrary(), (s, times) =>
        {
            var ledger = new CommissionLedger(new LedgerOptions(), new FakeTimeProvider(Start));
            var commission = new CommissionCalculator(s.Plan).Calculate(s.Order, s.Earners);
            var accrued = Enumerable.Range(0, times).Sum(_ => ledger.Accrue(commission, Start).Length);
            return accrued == commission.Lines.Length
                && commission.Lines.All(l => ledger.BalanceOf(l.Beneficiary).Pending == l.Amount);
        });

    [Property(MaxTest = 1000)]
    public Property Balances_replay_exactly_from_the_events() =>
        Prop.ForAll(CommissionGenerators.Scenarios, Gen.Choose(0, 3).ArrayOf(12).ToArbitrary(), Gen.Choose(1, 100_000).ArrayOf(12).ToArbitrary(), (s, steps, amounts) =>
        {
            var clock = new FakeTimeProvider(Start);
            var options = new LedgerOptions { WithdrawalFee = Rate.FromPercent(0.6m) };
            var (ledger, events, members) = LedgerHistory.Run(s, steps, amounts, clock, options);
            var replayed = CommissionLedger.Replay(events, options, clock);
            return members.All(m => ledger.BalanceOf(m) == replayed.BalanceOf(m) && ledger.EntriesOf(m).SequenceEqual(replayed.EntriesOf(m)));
        });
}
