using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Commissions.Tests.Run;
using CommunityModel.Commissions.Volumes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Staff;

public class StaffRefundNettingProperties
{
    // A month of orders naming role holders, and refunds of some of them: none, part or all of what was paid.
    private static Arbitrary<(TeamScenario Scenario, VolumeEntry[] Refunds)> MonthsWithRefunds =>
        TeamScenarios.RoleScenarios.Generator.SelectMany(s =>
            Gen.Choose(0, 4).ArrayOf(s.Month.Length).Select(parts => (s, s.Month
                .Select((o, i) => (Order: o, Part: parts[i]))
                .Where(r => r.Part > 0)
                .Select(r => VolumeEntry.Refund(r.Order, Money.FromMinorUnits(r.Order.AmountPaid.MinorUnits * r.Part / 4, r.Order.AmountPaid.Currency)))
                .ToArray())))
        .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property A_holders_netted_volume_is_its_orders_bases_less_its_refunds_never_below_zero_and_the_run_pays_what_the_calculator_pays_on_it() =>
        Prop.ForAll(MonthsWithRefunds, m =>
        {
            var (s, refunds) = m;
            var plan = s.Plan;
            var netted = StaffVolumes.Create(plan, s.Month, refunds);
            var gross = StaffVolumes.Create(plan, s.Month);
            var sink = new CollectingSink();
            var result = new CommissionRun(plan).Execute(s.Earners, s.Month, refunds, sink: sink);

            var volumesAgree = plan.Roles.All(role => gross.Holders.All(h =>
                netted.Of(role.Role, h).MinorUnits == Math.Max(0, gross.Of(role.Role, h).MinorUnits
                    - refunds.Where(r => r.Roles!.GetValueOrDefault(role.Role) == h).Sum(r => -r.Amount.MinorUnits))
                && result.StaffVolumes!.Of(role.Role, h) == netted.Of(role.Role, h)));

            var calculator = new CommissionCalculator(plan);
            var expected = s.Month.OrderBy(o => o.OrderLineId, StringComparer.Ordinal)
                .SelectMany((o, i) => calculator.Calculate(o, result.Ranks, s.Earners, netted).Lines
                    .Where(l => l.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role)
                    .Select(l => (i, l.Beneficiary, l.Rule, l.Amount.MinorUnits)));
            var actual = sink.Lines.Where(l => l.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role).OrderBy(l => l.Order)
                .Select(l => (l.Order, result.HolderAt(l.Beneficiary), plan.RuleId(l.Kind, l.Ordinal), l.Amount));
            return volumesAgree && actual.SequenceEqual(expected);
        });
}
