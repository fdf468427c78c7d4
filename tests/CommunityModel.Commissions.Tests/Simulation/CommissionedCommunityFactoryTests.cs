using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Simulation;
using CommunityModel.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Commissions.Tests.Simulation;

public class CommissionedCommunityFactoryTests
{
    private static readonly CommissionPlan TwoLevels = new CommissionPlanBuilder("two-levels").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Build();

    private static GrowthSimulationOptions Referring(int months) => new()
    {
        Months = months,
        LeadsPerMonth = 1,
        LeadProductRate = Rate.One,
        EntryCourseRate = Rate.One,
        HighTicketCourseRate = Rate.Zero,
        ChurnRate = Rate.Zero,
        MembershipUptake = Rate.Zero,
        KaUpgradeRate = Rate.Zero,
        RenewalRate = Rate.Zero,
        ReferralRate = Rate.One,
        RefundRate = Rate.Zero,
    };

    [Fact]
    public void Commissions_come_from_the_community_and_are_paid_out_of_profit()
    {
        // Month 1: member 1 arrives (trial class 9.90). Month 2: member 2 arrives; member 1 buys the bootcamp (199)
        // and refers member 3. Month 3: member 3 arrives under member 1 and takes the trial class: 10% of 9.90 = 0.99.
        var run = new GrowthSimulator(Referring(3), new CommissionedCommunityFactory(TwoLevels)).Run();

        Assert.Equal([0m, 0m, 0.99m], run.Months.Select(m => m.Community.Commissions.Amount));
        Assert.Equal(run.Community.NetRevenue - run.Community.TrafficCost - Money.Cny(0.99m), run.Community.Profit);
        Assert.All(run.Months, m => Assert.True(m.Traditional.Commissions.IsZero));
        Assert.Equal("seed business, commissions: plan 'two-levels'", run.Assumptions.Community);
    }

    [Fact]
    public void A_refund_reverses_the_commission_it_earned()
    {
        var options = Referring(3);
        options.RefundRate = Rate.One;

        var run = new GrowthSimulator(options, new CommissionedCommunityFactory(TwoLevels)).Run();

        Assert.True(run.Community.Commissions.IsZero);
        Assert.Equal(run.Community.Revenue, run.Community.Refunds);
    }

    [Fact]
    public void AddCommissions_plugs_the_registered_plan_into_the_simulated_community()
    {
        using var provider = new ServiceCollection()
            .AddCommissions(c => c.Plan("standard", p => p.Level(Rate.FromPercent(10))))
            .AddGrowthSimulator(o => (o.Months, o.LeadsPerMonth) = (1, 1))
            .BuildServiceProvider();

        var factory = Assert.IsType<CommissionedCommunityFactory>(provider.GetRequiredService<ISimulationCommunityFactory>());

        Assert.Equal("standard", factory.Plan.Name);
        Assert.Contains("plan 'standard'", provider.GetRequiredService<GrowthSimulator>().Assumptions.Community, StringComparison.Ordinal);
    }

    [Property(MaxTest = 40)]
    public Property Commissions_never_exceed_revenue_and_money_is_conserved() =>
        Prop.ForAll(
            (from months in Gen.Choose(1, 4)
             from leads in Gen.Choose(0, 8)
             from rates in Gen.ListOf(Gen.Choose(0, 100).Select(p => Rate.FromPercent(p)), 9)
             from seed in Gen.Choose(0, 10_000)
             select new GrowthSimulationOptions
             {
                 Months = months, LeadsPerMonth = leads, Seed = seed,
                 LeadProductRate = rates[0], EntryCourseRate = rates[1], HighTicketCourseRate = rates[2], ChurnRate = rates[3],
                 MembershipUptake = rates[4], KaUpgradeRate = rates[5], RenewalRate = rates[6], ReferralRate = rates[7], RefundRate = rates[8],
             }).ToArbitrary(),
            options =>
            {
                Community? last = null;
                var inner = new CommissionedCommunityFactory(TwoLevels);
                var run = new GrowthSimulator(options, new Recording(inner, c => last = c)).Run();
                var ledger = ((CommunityCommissions)last!.Commissions!).Ledger;
                var accrued = Money.Sum(last.Members.SelectMany(m => ledger.EntriesOf(m.Id)).Select(e => e.Net), Currency.CNY);
                return !run.Community.Commissions.IsNegative
                    && run.Community.Commissions <= run.Community.NetRevenue
                    && run.Community.Commissions == accrued
                    && run.Community.NetRevenue == Money.Sum(last.Members.Select(m => m.NetSpent), Currency.CNY);
            });

    [Fact]
    public void A_plan_is_required() => Assert.Throws<ArgumentNullException>(() => new CommissionedCommunityFactory(null!));

    private sealed class Recording(ISimulationCommunityFactory inner, Action<Community> made) : ISimulationCommunityFactory
    {
        public string Description => inner.Description;

        public Community Create(TimeProvider timeProvider)
        {
            var community = inner.Create(timeProvider);
            made(community);
            return community;
        }
    }
}
