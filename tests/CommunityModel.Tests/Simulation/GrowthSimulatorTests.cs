using CommunityModel.Memberships;
using CommunityModel.Simulation;
using static CommunityModel.Tests.Simulation.SimulationSetups;

namespace CommunityModel.Tests.Simulation;

public class GrowthSimulatorTests
{
    private static Money Cny(decimal amount) => Money.Cny(amount);

    [Fact]
    public void A_small_run_computed_by_hand()
    {
        // 10 leads a month, everyone takes the trial class (9.90) on arrival, buys the bootcamp (199) the month after,
        // and on the community side buys VIP (3,600) the month after that. Cost per lead 20 × (1 + 0.5 × 10 / 1,000) = 20.10.
        var options = Buyers(months: 3, leads: 10);

        var run = new GrowthSimulator(options).Run();

        Assert.All(run.Months, m => Assert.Equal((Cny(20.10m), Cny(201m)), (m.CostPerLead, m.Community.TrafficCost)));
        Assert.Equal([99m, 2_089m, 38_089m], run.Months.Select(m => m.Community.Revenue.Amount)); // 10 × 9.90; + 10 × 199; + 10 × 3,600
        Assert.Equal([99m, 2_089m, 2_089m], run.Months.Select(m => m.Traditional.Revenue.Amount));
        Assert.Equal([-102m, 1_888m, 37_888m], run.Months.Select(m => m.Community.Profit.Amount));
        Assert.Equal([-102m, 1_888m, 1_888m], run.Months.Select(m => m.Traditional.Profit.Amount));
        Assert.Equal([0, 0, 10], run.Months.Select(m => m.ActiveMemberships));
        Assert.Equal(new FunnelFigures(30, 0, 60, Cny(40_277m), Cny(0m), Cny(603m), Cny(0m)), run.Community);
        Assert.Equal(Cny(39_674m), run.Community.Profit);
        Assert.Equal(Cny(3_674m), run.Traditional.Profit);
        Assert.Equal(Cny(36_000m), run.ProfitAdvantage);
        Assert.Equal(39_674m / 30, run.Community.ProfitPerLead);
    }

    [Fact]
    public void Every_order_refunded_inside_cooling_off_leaves_only_the_traffic_cost()
    {
        var options = Buyers(months: 3, leads: 4);
        options.RefundRate = Rate.One;

        var run = new GrowthSimulator(options).Run();

        Assert.Equal(Cny(4 * (9.90m + 9.90m + 199m + 9.90m + 199m + 3_600m)), run.Community.Revenue);
        Assert.Equal(run.Community.Revenue, run.Community.Refunds);
        Assert.Equal(run.Traditional.Revenue, run.Traditional.Refunds);
        Assert.Equal(-run.Community.TrafficCost, run.Community.Profit);
        Assert.Equal(run.Community.Profit, run.Traditional.Profit);
    }

    [Fact]
    public void Referred_newcomers_arrive_free_the_month_after_the_referral()
    {
        var options = Quiet(months: 3, leads: 2);
        options.LeadProductRate = Rate.One;
        options.ReferralRate = Rate.One;
        var factory = new KeepingFactory();

        var run = new GrowthSimulator(options, factory).Run();

        // Month 1's two newcomers refer in month 2, who arrive in month 3; month 2's newcomers refer in month 3.
        Assert.Equal([0L, 0L, 2L], run.Months.Select(m => m.Community.ReferredLeads));
        Assert.All(run.Months, m => Assert.Equal(0, m.Traditional.ReferredLeads));
        Assert.Equal(Cny(2 * 9.90m), run.Months[2].Community.Revenue - run.Months[2].Traditional.Revenue);
        Assert.Equal(run.Months[2].Community.TrafficCost, run.Months[2].Traditional.TrafficCost);
        var referred = factory.Last!.Members.Where(m => !factory.Last.SponsorOf(m.Id).IsEmpty).ToList();
        Assert.Equal(2, referred.Count);
    }

    [Fact]
    public void An_upgrade_is_charged_by_the_membership_plan_with_credit_for_the_unused_vip_term()
    {
        var options = Buyers(months: 4, leads: 1);
        options.KaUpgradeRate = Rate.One;
        var factory = new KeepingFactory();

        var run = new GrowthSimulator(options, factory).Run();

        var buyer = factory.Last!.Member(new MemberId(1));
        var upgrade = Assert.Single(factory.Last.OrdersOf(buyer.Id), o => o.Kind == OrderKind.MembershipUpgrade);
        // VIP bought 2 March (term to 1 March 2027, 365 days), upgraded 2 April keeping the term end: 334 days left,
        // KA for them less the VIP credit for them: (120,000 − 3,600) × 334 / 365 = 106,513.97.
        Assert.Equal(Cny(106_513.97m), upgrade.Paid);
        Assert.Equal("ka", buyer.Membership!.TierId);
        Assert.Equal(Cny((2 * 3_600m) + 106_513.97m), run.Community.Revenue - run.Traditional.Revenue); // two VIPs (the first and second customers) and the upgrade
    }

    [Fact]
    public void Members_use_their_entitlement_instead_of_buying_the_course_it_includes()
    {
        var options = Buyers(months: 4, leads: 1);
        options.HighTicketCourseRate = Rate.One;

        var run = new GrowthSimulator(options).Run();

        // Month 3: the first customer buys the offline course (2,980) on both sides, and VIP on the community side.
        // Month 4: VIP includes one offline course, so the first customer uses it where the traditional side sells it;
        // the second customer buys the course on both sides, then VIP.
        Assert.Equal(Cny(3_600m), run.Months[2].Community.Revenue - run.Months[2].Traditional.Revenue);
        Assert.Equal(Cny(3_600m - 2_980m), run.Months[3].Community.Revenue - run.Months[3].Traditional.Revenue);
    }

    [Fact]
    public void Memberships_are_renewed_or_lapse_when_their_term_ends()
    {
        var options = Buyers(months: 15, leads: 1);
        options.RenewalRate = Rate.One;
        var factory = new KeepingFactory();

        var run = new GrowthSimulator(options, factory).Run();

        var renewals = factory.Last!.OrdersOf(new MemberId(1)).Count(o => o.Kind == OrderKind.MembershipRenewal);
        Assert.Equal(1, renewals);
        Assert.Equal(Cny(3_600m * 2), Money.Sum(factory.Last.OrdersOf(new MemberId(1)).Where(o => o.Kind != OrderKind.Product).Select(o => o.Paid), Currency.CNY));

        Assert.Equal(MembershipStatus.Active, factory.Last.Member(new MemberId(1)).Membership!.Status);
        Assert.Equal(run.Months[^1].ActiveMemberships, run.Months[^2].ActiveMemberships + 1); // one more customer bought VIP, none lapsed

        options.RenewalRate = Rate.Zero;
        var lapsed = new GrowthSimulator(options, factory).Run();
        Assert.Equal(MembershipStatus.Expired, factory.Last.Member(new MemberId(1)).Membership!.Status);
        Assert.Equal(lapsed.Months[^1].ActiveMemberships, lapsed.Months[^2].ActiveMemberships); // one bought, one lapsed
    }

    [Fact]
    public void Same_seed_same_projection_and_another_seed_another()
    {
        var options = new GrowthSimulationOptions { Months = 6, LeadsPerMonth = 200 };
        var simulator = new GrowthSimulator(options);

        Assert.Equal(simulator.Run(), new GrowthSimulator(options).Run());
        Assert.NotEqual(simulator.Run().Community, simulator.Run(8).Community);
        Assert.Equal(8, simulator.Run(8).Assumptions.Seed);
    }

    [Fact]
    public void The_projection_carries_every_rate_and_price_it_used()
    {
        var assumptions = new GrowthSimulator(new GrowthSimulationOptions()).Run().Assumptions;

        Assert.Equal("seed business, no commissions", assumptions.Community);
        Assert.Equal((Cny(9.90m), Cny(199m), Cny(2_980m), Cny(3_600m), Cny(120_000m)), (assumptions.LeadProduct.ListPrice, assumptions.EntryCourse.ListPrice, assumptions.HighTicketCourse.ListPrice, assumptions.Vip.ListPrice, assumptions.Ka.ListPrice));
        Assert.Equal(new TrafficCostCurve(Cny(20m), 0.5m, 1_000), assumptions.Traffic);
        Assert.Equal(7, assumptions.CoolingOffDays);
        var lines = assumptions.ToLines();
        Assert.Equal(19, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Cost per lead: ", StringComparison.Ordinal) && l.Contains("0.5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Refer a newcomer (community only): 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Traffic_gets_dearer_with_volume()
    {
        var curve = new TrafficCostCurve(Cny(20m), 0.5m, 1_000);

        Assert.Equal(Cny(20m), curve.PerLead(0));
        Assert.Equal(Cny(30m), curve.PerLead(1_000));
        Assert.Equal(Cny(40m), curve.PerLead(2_000));
        Assert.Equal(Cny(80_000m), curve.CostOf(2_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.PerLead(-1));
    }

    [Fact]
    public void At_realistic_rates_the_traditional_profit_per_lead_falls_as_volume_grows()
    {
        decimal PerLead(int leads) => new GrowthSimulator(new GrowthSimulationOptions { Months = 6, LeadsPerMonth = leads }).Run().Traditional.ProfitPerLead!.Value;

        var perLead = new[] { 100, 400, 1_600 }.Select(PerLead).ToList();

        Assert.True(perLead[0] > perLead[1] && perLead[1] > perLead[2], string.Join(", ", perLead));
        Assert.True(perLead[2] < 0, "at 1,600 leads a month the traffic costs more than the funnel makes");
    }
}
