using CommunityModel.Metrics;
using CommunityModel.Metrics.Simulation;

namespace CommunityModel.Tests.Metrics.Simulation;

public class GrowthSimulatorTests
{
    /// <summary>100 leads a month (1,000 at 10 a lead), expected counts, the default rates, prices and level rates.</summary>
    internal static GrowthSimulationOptions Small(int months = 3) => new()
    {
        Months = months,
        Draws = SimulationDraws.Expected,
        MonthlyBudget = 1_000m,
        CostPerLead = 10m,
    };

    [Fact]
    public void Three_months_by_hand_with_expected_counts()
    {
        var projection = new GrowthSimulator(Small()).Run();
        var (m1, m2, m3) = (projection.Months[0], projection.Months[1], projection.Months[2]);

        // Month 1: 100 leads; 30% become fans (30 × 9.90 = 297.00); the other 70 are lost; no fans yet to convert.
        Assert.Equal(Money.Cny(1_000m), m1.AcquisitionCost);
        Assert.Equal((100L, 0L, 30L, 0L), (m1.BoughtLeads, m1.ReferredLeads, m1.NewFans, m1.NewCustomers));
        Assert.Equal(new StageCounts(30, 0, 0, 0, 70), m1.Stages);
        Assert.Equal(Money.Cny(297m), m1.Revenue);
        Assert.Equal((30L, Money.Cny(297m)), (m1.TraditionalBuyers, m1.TraditionalRevenue));
        Assert.Equal(new ChannelSales("bought-traffic", 100, 30, 30, Money.Cny(297m), Rate.FromPercent(30), Money.Cny(9.90m)), m1.Traditional);

        // Lead product commission per unit: 0.99 + 0.49 + 0.29 (each level rounded down) = 1.77; × 30 = 53.10.
        Assert.Equal(Money.Cny(53.10m), m1.CommissionPaid);

        // Month 2: the 30 fans split 10% / 10% / 80% = 3 customers, 3 lost, 24 stay; 30 new fans join them.
        // Revenue 297.00 + 3 × 399 = 1,494.00; entry commission 39.90 + 19.95 + 11.97 = 71.82 a unit.
        Assert.Equal(new StageCounts(54, 3, 0, 0, 143), m2.Stages);
        Assert.Equal(Money.Cny(1_494m), m2.Revenue);
        Assert.Equal(Money.Cny(53.10m + (3 * 71.82m)), m2.CommissionPaid);
        Assert.Equal(Money.Cny(297m), m2.TraditionalRevenue);

        // Month 3: 3 new customers × 0.5 referred 1.5 → 2 (largest remainder, ties to the first part), so 102 arrive
        // and 30.6 → 31 become fans; the 54 fans split 5.4 / 5.4 / 43.2 → 6 / 5 / 43; the 3 customers stay (0.15 / 0.15 / 2.7 → 0 / 0 / 3).
        Assert.Equal(2, m3.ReferredLeads);
        Assert.Equal(31, m3.NewFans);
        Assert.Equal(6, m3.NewCustomers);
        Assert.Equal(new StageCounts(74, 9, 0, 0, 219), m3.Stages);
        Assert.Equal(Money.Cny((31 * 9.90m) + (6 * 399m)), m3.Revenue);
        Assert.Equal(Money.Cny(297m), m3.TraditionalRevenue);

        Assert.Equal(Money.Cny(297m + 1_494m + 2_700.90m), projection.Revenue);
        Assert.Equal(Money.Cny(3 * 297m), projection.TraditionalRevenue);
        Assert.Equal(Money.Cny(1_494m - 297m + 2_700.90m - 297m), projection.CommunityAdvantage);
        Assert.Equal(Money.Cny(3_000m), projection.AcquisitionCost);
    }

    [Fact]
    public void A_membership_renews_or_lapses_at_its_anniversary_and_members_upgrade_paying_the_difference()
    {
        // Everyone moves one step a month: month 1 fans, 2 customers, 3 members, 4 partners (none: upgrade 0%) ...
        var options = Chain(months: 15, member: Rate.One, partner: Rate.Zero, repurchase: Rate.Zero);
        options.MonthlyBudget = 0m;
        var first = new GrowthSimulator(options).Run();

        // No budget, no one: a run of zeros, with no payout ratio.
        Assert.All(first.Months, m => Assert.Equal(default, m.Stages));
        Assert.All(first.Months, m => Assert.Equal(new ChannelSales("bought-traffic", 0, 0, 0, Money.Cny(0m), null, null), m.Traditional));
        Assert.Null(first.PayoutRatio);

        options.MonthlyBudget = 1_000m;
        options.Months = 16;
        var months = new GrowthSimulator(options).Run().Months;

        // The 100 who became members in month 3 reach their anniversary in month 15: 60 renew, 40 lapse.
        Assert.Equal(100, months[2].NewMembers);
        Assert.Equal((60L, 40L), (months[14].Renewals, months[14].Lapses));
        Assert.Equal(60, Units(months[14], SimulatedProduct.VipRenewal));
        Assert.Equal(Money.Cny(3_600m), Line(months[14], SimulatedProduct.VipRenewal).UnitPrice);

        // Month 16: month 4's members renew; everyone passes through every stage, nobody is counted twice.
        Assert.Equal((60L, 40L), (months[15].Renewals, months[15].Lapses));
        Assert.Equal(16 * 100, months[15].Stages.Total);

        options.PartnerConversion = Rate.One;
        options.Months = 4;
        var upgraded = new GrowthSimulator(options).Run().Months[3];
        Assert.Equal(100, upgraded.NewPartners);
        Assert.Equal(Money.Cny(120_000m - 3_600m), Line(upgraded, SimulatedProduct.KaUpgrade).UnitPrice);
        Assert.Equal(100, upgraded.Stages.Partners);
    }

    [Fact]
    public void Staying_customers_members_and_partners_buy_again()
    {
        var options = Chain(months: 5, member: Rate.FromPercent(50), partner: Rate.FromPercent(50), repurchase: Rate.FromPercent(10));
        var months = new GrowthSimulator(options).Run().Months;

        // Month 3: 100 customers → 50 members, 50 stay of whom 5 buy the high-ticket product.
        Assert.Equal(5, Units(months[2], SimulatedProduct.HighTicket));

        // Month 4: of the 50 members, 25 upgrade, 25 stay and 2.5 → 3 buy again; of 150 customers, 75 stay → 7.5 → 8.
        Assert.Equal(25, months[3].NewPartners);
        Assert.Equal(3 + 8, Units(months[3], SimulatedProduct.HighTicket));
        Assert.Equal(0, Units(months[3], SimulatedProduct.Premium));

        // Month 5: the 25 partners buy the premium product at 10%: 2.5 → 3.
        Assert.Equal(3, Units(months[4], SimulatedProduct.Premium));
        Assert.Equal(Money.Cny(39_800m * 3), Line(months[4], SimulatedProduct.Premium).Amount);
    }

    [Fact]
    public void The_same_seed_gives_the_same_projection_and_other_seeds_differ()
    {
        var simulator = new GrowthSimulator();

        Assert.Equal(simulator.Run(), new GrowthSimulator().Run());
        Assert.Equal(simulator.Run(11), simulator.Run(11));
        Assert.Equal(7, simulator.Run().Seed);

        // The default business draws hundreds of people a month: five seeds give five different runs.
        var revenues = Enumerable.Range(1, 5).Select(seed => simulator.Run(seed).Revenue).Distinct().Count();
        Assert.Equal(5, revenues);
    }

    [Theory]
    [InlineData(30, 1)]
    [InlineData(70, 2)]
    [InlineData(0.01, 3)]
    [InlineData(99.99, 4)]
    public void Seeded_draws_land_within_five_standard_deviations_of_the_expectation(double percent, int seed)
    {
        // A million leads in one month: the fans are a binomial draw, mean n·p, standard deviation √(n·p·(1 − p)).
        var options = new GrowthSimulationOptions { Months = 1, Seed = seed, MonthlyBudget = 1_000_000m, CostPerLead = 1m, FanConversion = Rate.FromPercent((decimal)percent) };
        var p = percent / 100;

        var fans = new GrowthSimulator(options).Run().Months[0].NewFans;

        Assert.InRange(fans, (1_000_000 * p) - (5 * Math.Sqrt(1_000_000 * p * (1 - p))), (1_000_000 * p) + (5 * Math.Sqrt(1_000_000 * p * (1 - p))));
    }

    [Fact]
    public void Expected_counts_ignore_the_seed()
    {
        var simulator = new GrowthSimulator(Small());

        Assert.Equal<SimulatedMonth>(simulator.Run(1).Months, simulator.Run(2).Months);
    }

    [Fact]
    public void The_default_business_beats_the_traditional_formula_and_stays_under_the_cap()
    {
        var projection = new GrowthSimulator().Run();

        Assert.Equal(24, projection.Months.Length);
        Assert.Equal(Money.Cny(24 * 20_000m), projection.AcquisitionCost);
        Assert.True(projection.Revenue > projection.TraditionalRevenue);
        Assert.Equal(Rate.FromPercent(30), projection.PayoutCap);
        Assert.False(projection.ExceedsCap);
        Assert.True(projection.PayoutRatio <= Rate.FromPercent(18));
        Assert.Equal("level-rates", projection.PayoutModel);
    }

    [Fact]
    public void A_cap_below_the_level_rates_is_reported_as_exceeded()
    {
        var options = Small();
        options.PayoutCap = Rate.FromPercent(10);

        var projection = new GrowthSimulator(options).Run();

        Assert.True(projection.ExceedsCap);
        Assert.All(projection.Months, m => Assert.True(m.PayoutRatio > Rate.FromPercent(10)));
    }

    [Fact]
    public void Options_are_copied_so_later_changes_do_not_leak_in()
    {
        var options = Small();
        var simulator = new GrowthSimulator(options);
        var before = simulator.Run();

        options.Months = 1;
        options.LevelRates = [];

        Assert.Equal(before, simulator.Run());
    }

    [Fact]
    public void An_empty_level_list_pays_nothing()
    {
        var options = Small();
        options.LevelRates = [];

        var projection = new GrowthSimulator(options).Run();

        Assert.Equal(Money.Cny(0m), projection.CommissionPaid);
        Assert.Equal(Rate.Zero, projection.PayoutRatio);
    }

    /// <summary>Every lead becomes a fan and every fan a customer the next month, no one leaves, no referrals; renewals at 60%.</summary>
    private static GrowthSimulationOptions Chain(int months, Rate member, Rate partner, Rate repurchase)
    {
        var options = Small(months);
        options.FanConversion = Rate.One;
        options.CustomerConversion = Rate.One;
        options.FanChurn = Rate.Zero;
        options.MemberConversion = member;
        options.CustomerChurn = Rate.Zero;
        options.PartnerConversion = partner;
        options.RepurchaseRate = repurchase;
        options.ReferralCoefficient = Rate.Zero;
        return options;
    }

    internal static SimulatedSale Line(SimulatedMonth month, SimulatedProduct product) => month.Sales.Single(s => s.Product == product);

    internal static long Units(SimulatedMonth month, SimulatedProduct product) => Line(month, product).Units;
}
