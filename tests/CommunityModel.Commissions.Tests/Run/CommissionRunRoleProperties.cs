using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Run;

public class CommissionRunRoleProperties
{
    private static Arbitrary<(TeamScenario Scenario, int Seed)> Runs =>
        TeamScenarios.RoleScenarios.Generator.SelectMany(s => Gen.Choose(0, int.MaxValue).Select(seed => (s, seed))).ToArbitrary();

    // Role and staff lines name their holder through the run's holder table, other lines a member of the network.
    private static (int Order, long Beneficiary, string Rule, long Amount, long Uncapped, bool Capped)[] Ledger(CommissionRunResult result, IEnumerable<CommissionRunLine> lines) =>
        [.. lines.Select(l => (l.Order, (l.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role ? result.HolderAt(l.Beneficiary) : result.Ranks.Network.MemberAt(l.Beneficiary)).Value, result.Plan.RuleId(l.Kind, l.Ordinal), l.Amount, l.UncappedAmount, l.Capped))];

    [Property(MaxTest = 1000)]
    public Property The_run_pays_exactly_the_per_order_calculators_lines_roles_included_given_its_ranks_and_staff_volumes() =>
        Prop.ForAll(Runs, r =>
        {
            var (s, seed) = r;
            var shuffled = s.Month.ToArray();
            new Random(seed).Shuffle(shuffled);
            var sink = new CollectingSink();
            var result = new CommissionRun(s.Plan, new CommissionRunOptions { ChunkSize = 1 + (seed % 4), MaxDegreeOfParallelism = 1 + (seed % 3) }).Execute(s.Earners, shuffled, sink: sink);

            var calculator = new CommissionCalculator(s.Plan);
            var paid = s.Month.OrderBy(o => o.OrderLineId, StringComparer.Ordinal).Select(o => calculator.Calculate(o, result.Ranks, s.Earners, result.StaffVolumes)).ToArray();
            var expected = paid.SelectMany((c, i) => c.Lines.Select(l => (i, l.Beneficiary.Value, l.Rule, l.Amount.MinorUnits, l.UncappedAmount.MinorUnits, l.Capped))).ToArray();
            var holderLines = paid.SelectMany(c => c.Lines).Where(l => l.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role).ToArray();
            // Within an order the lines keep the plan's order; orders are compared by number, whatever order the run writes them in.
            return Ledger(result, sink.Lines.OrderBy(l => l.Order)).SequenceEqual(expected)
                && result.TotalPaid.MinorUnits + result.CompanyRetained.MinorUnits == s.Month.Sum(o => o.AmountPaid.MinorUnits)
                && result.Holders.All(h => new[] { CommissionRuleKind.Staff, CommissionRuleKind.Role }.All(k =>
                    result.EarnedByHolder(h, k).MinorUnits == holderLines.Where(l => l.Beneficiary == h && l.Kind == k).Sum(l => l.Amount.MinorUnits)))
                && new[] { CommissionRuleKind.Staff, CommissionRuleKind.Role }.All(k => result.TotalPaidFor(k).MinorUnits == holderLines.Where(l => l.Kind == k).Sum(l => l.Amount.MinorUnits));
        });

    [Property(MaxTest = 1000)]
    public Property A_compact_batch_naming_the_same_holders_pays_exactly_what_the_whole_run_pays() =>
        Prop.ForAll(Runs, r =>
        {
            var (s, seed) = r;
            var plan = s.Plan;
            var whole = new CollectingSink();
            var compact = new CollectingSink();
            var options = new CommissionRunOptions { ChunkSize = 1 + (seed % 4), MaxDegreeOfParallelism = 1 + (seed % 3) };
            var expected = new CommissionRun(plan, options).Execute(s.Earners, s.Month, sink: whole);

            var month = s.Month.OrderBy(o => o.OrderLineId, StringComparer.Ordinal).ToArray();
            var holders = month.SelectMany(o => plan.Roles.Select(role => o.Roles.GetValueOrDefault(role.Role))).ToArray();
            var batch = new OrderBatch(month.Select(o => s.Earners.Network.IndexOf(o.Buyer)).ToArray(), month.Select(o => o.AmountPaid.MinorUnits).ToArray()).WithRoles(plan, holders);
            var actual = new CommissionRun(plan, options).PayBatch(expected.Ranks, batch, s.Earners, compact);

            return Ledger(actual, compact.Lines.OrderBy(l => l.Order)).SequenceEqual(Ledger(expected, whole.Lines.OrderBy(l => l.Order)))
                && actual.Holders.SequenceEqual(expected.Holders)
                && actual.Holders.All(h => actual.EarnedByHolder(h) == expected.EarnedByHolder(h))
                && actual.TotalPaid == expected.TotalPaid;
        });
}
