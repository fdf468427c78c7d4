using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Commissions.Tests.Run;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Compliance;

public class PayoutSummaryProperties
{
    [Property(MaxTest = 1000)]
    public Property Every_line_is_counted_once_and_the_compact_run_reads_as_the_calculators_results() =>
        Prop.ForAll(TeamScenarios.RoleScenarios, s =>
        {
            var plan = s.Plan;
            var month = s.Month.OrderBy(o => o.OrderLineId, StringComparer.Ordinal).ToArray();
            var calculator = new CommissionCalculator(plan);
            var paid = month.Select(o => calculator.Calculate(o, s.Ranks, s.Earners, s.Volumes)).ToArray();
            var fromCalculator = PayoutSummary.FromRun(paid, plan.Currency);

            var holders = month.SelectMany(o => plan.Roles.Select(role => o.Roles.GetValueOrDefault(role.Role))).ToArray();
            var batch = new OrderBatch(month.Select(o => s.Earners.Network.IndexOf(o.Buyer)).ToArray(), month.Select(o => o.AmountPaid.MinorUnits).ToArray()).WithRoles(plan, holders);
            var sink = new CollectingSink();
            var result = new CommissionRun(plan).PayBatch(s.Ranks, batch, s.Earners, sink);
            var fromRun = PayoutSummary.FromRun(result, batch, sink.Lines);

            var allLines = paid.SelectMany(p => p.Lines).Sum(l => l.Amount.MinorUnits);
            return fromCalculator.TotalPaid.MinorUnits + fromCalculator.EmployeePaid.MinorUnits == allLines
                && fromCalculator.Earners.Sum(e => e.Paid.MinorUnits) == fromCalculator.TotalPaid.MinorUnits
                && fromCalculator.Earners.All(e => e.OwnSales <= fromCalculator.TotalSales)
                && fromRun.Earners.SequenceEqual(fromCalculator.Earners)
                && (fromRun.TotalSales, fromRun.TotalPaid, fromRun.EmployeePaid) == (fromCalculator.TotalSales, fromCalculator.TotalPaid, fromCalculator.EmployeePaid);
        });
}
