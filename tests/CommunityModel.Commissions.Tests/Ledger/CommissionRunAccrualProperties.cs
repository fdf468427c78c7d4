using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Ledger;

public class CommissionRunAccrualProperties
{
    private static readonly DateTimeOffset Start = new(2026, 3, 31, 16, 0, 0, TimeSpan.Zero);

    // A month with roles (members' and holders' lines), some orders stamped with their own paid time, and a seed.
    private static Arbitrary<(TeamScenario Scenario, int Seed)> Months =>
        TeamScenarios.RoleScenarios.Generator.SelectMany(s => Gen.Choose(0, int.MaxValue).Select(seed => (s, seed))).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property A_run_accrued_as_it_streams_gives_exactly_the_ledger_of_the_calculator_over_the_same_orders_and_ranks() =>
        Prop.ForAll(Months, m =>
        {
            var (s, seed) = m;
            var month = s.Month.Select((o, i) => (seed >> i) % 3 == 0 ? o with { PaidAt = Start.AddDays(-i) } : o).ToArray();
            var clock = new FakeTimeProvider(Start);
            var streamed = new CommissionLedger(new LedgerOptions(), clock);
            var accrual = streamed.AccrueRun(Start);
            var result = new CommissionRun(s.Plan, new CommissionRunOptions { ChunkSize = 1 + (seed % 4), MaxDegreeOfParallelism = 1 + (seed % 3) }).Execute(s.Earners, month, sink: accrual);

            var calculated = new CommissionLedger(new LedgerOptions(), clock);
            var calculator = new CommissionCalculator(s.Plan);
            var events = month.SelectMany(o => calculated.Accrue(calculator.Calculate(o, result.Ranks, s.Earners, result.StaffVolumes), o.PaidAt ?? Start)).ToList();

            var beneficiaries = Enumerable.Range(0, s.Earners.Network.Count).Select(s.Earners.Network.MemberAt).Concat(result.Holders).Distinct().ToArray();
            var again = streamed.AccrueRun(Start);
            new CommissionRun(s.Plan).Execute(s.Earners, month, sink: again);
            return beneficiaries.All(b => streamed.BalanceOf(b) == calculated.BalanceOf(b)
                    && streamed.EntriesOf(b).OrderBy(e => e.Key.ToString(), StringComparer.Ordinal).SequenceEqual(calculated.EntriesOf(b).OrderBy(e => e.Key.ToString(), StringComparer.Ordinal)))
                .Label("the same entries and balances")
                .And(Sorted(accrual.Events).SequenceEqual(Sorted(events))).Label("the same events")
                .And(accrual.LinesAccrued == events.Count && again.Events.Count == 0 && again.OrdersAccrued == 0).Label("the same run again accrues nothing")
                .And(accrual.LinesAccrued == result.LineCount - CountZero(s, month, result)).Label("every line above zero");
        });

    private static IEnumerable<string> Sorted(IEnumerable<IDomainEvent> events) => events.Select(e => e.ToString()!).Order(StringComparer.Ordinal);

    private static long CountZero(TeamScenario s, CommissionableOrder[] month, CommissionRunResult result)
    {
        var calculator = new CommissionCalculator(s.Plan);
        return month.Sum(o => calculator.Calculate(o, result.Ranks, s.Earners, result.StaffVolumes).Lines.Count(l => l.Amount.IsZero));
    }
}
