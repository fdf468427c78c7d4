using CommunityModel.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CommunityModel.Tests.Simulation.SimulationSetups;

namespace CommunityModel.Tests.Simulation;

public class GrowthSimulatorProperties
{
    private static readonly Gen<Rate> Rates = Gen.Choose(0, 100).Select(p => Rate.FromPercent(p));

    /// <summary>Small runs: 1 to 4 months, 0 to 12 leads a month, every rate anywhere in [0, 100%], any seed.</summary>
    private static Arbitrary<GrowthSimulationOptions> SmallRuns() =>
        (from months in Gen.Choose(1, 4)
         from leads in Gen.Choose(0, 12)
         from rates in Gen.ListOf(Rates, 9)
         from seed in Gen.Choose(0, 10_000)
         select new GrowthSimulationOptions
         {
             Months = months,
             LeadsPerMonth = leads,
             Seed = seed,
             LeadProductRate = rates[0],
             EntryCourseRate = rates[1],
             HighTicketCourseRate = rates[2],
             ChurnRate = rates[3],
             MembershipUptake = rates[4],
             KaUpgradeRate = rates[5],
             RenewalRate = rates[6],
             ReferralRate = rates[7],
             RefundRate = rates[8],
         }).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property Money_is_conserved_to_the_fen() =>
        Prop.ForAll(SmallRuns(), options =>
        {
            var factory = new KeepingFactory();
            var run = new GrowthSimulator(options, factory).Run();
            var netSpent = Money.Sum(factory.Last!.Members.Select(m => m.NetSpent), Currency.CNY);
            return run.Community.NetRevenue == netSpent && !run.Community.Refunds.IsNegative && run.Community.Commissions.IsZero;
        });

    [Property(MaxTest = 60)]
    public Property Without_referrals_or_memberships_both_sides_sell_the_same_and_differ_only_by_traffic_cost() =>
        Prop.ForAll(SmallRuns(), options =>
        {
            options.ReferralRate = Rate.Zero;
            options.MembershipUptake = Rate.Zero;
            var run = new GrowthSimulator(options).Run();
            return run.Months.All(m =>
                m.Community with { TrafficCost = m.Traditional.TrafficCost } == m.Traditional
                && m.ProfitAdvantage == m.Traditional.TrafficCost - m.Community.TrafficCost);
        });

    [Property(MaxTest = 40)]
    public Property The_traditional_profit_per_lead_falls_as_volume_rises() =>
        Prop.ForAll(
            (from leads in Gen.Choose(1, 20)
             from more in Gen.Choose(1, 20)
             from elasticityTenths in Gen.Choose(1, 50)
             from reference in Gen.Choose(1, 50)
             from alike in Gen.ListOf(Gen.Elements(Rate.Zero, Rate.One), 5)
             select (leads, more, elasticityTenths / 10m, reference, alike)).ToArbitrary(),
            c =>
            {
                // Every lead buys alike (rates of 0 or 100%), so revenue per lead is the same at any volume.
                decimal PerLead(int leads)
                {
                    var options = Quiet(months: 3, leads);
                    (options.TrafficCostElasticity, options.ReferenceLeads) = (c.Item3, c.reference);
                    (options.LeadProductRate, options.EntryCourseRate, options.HighTicketCourseRate, options.ChurnRate, options.RefundRate) = (c.alike[0], c.alike[1], c.alike[2], c.alike[3], c.alike[4]);
                    return new GrowthSimulator(options).Run().Traditional.ProfitPerLead!.Value;
                }

                var curve = new TrafficCostCurve(Money.Cny(20m), c.Item3, c.reference);
                var (fewer, moreLeads) = (PerLead(c.leads), PerLead(c.leads + c.more));
                return curve.PerLead(c.leads + c.more) > curve.PerLead(c.leads) ? moreLeads < fewer : moreLeads <= fewer;
            });
}
