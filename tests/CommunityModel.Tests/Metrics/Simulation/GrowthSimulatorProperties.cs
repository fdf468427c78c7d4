using CommunityModel.Metrics.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests.Metrics.Simulation;

public class GrowthSimulatorProperties
{
    private static Gen<Rate> Percent(int max = 100) => Gen.Choose(0, max).Select(p => Rate.FromPercent(p));

    private static Gen<decimal> Price => Gen.Choose(0, 500_000).Select(fen => fen / 100m);

    /// <summary>Small businesses (up to 200 leads a month, up to 18 months) with any valid rates and prices.</summary>
    internal static Arbitrary<GrowthSimulationOptions> SmallOptions(SimulationDraws? draws = null) =>
        (from months in Gen.Choose(1, 18)
         from seed in Gen.Choose(int.MinValue, int.MaxValue)
         from sampled in Gen.Elements(true, false)
         from leads in Gen.Choose(0, 200)
         from costPerLead in Gen.Choose(1, 50)
         from fan in Percent()
         from customer in Percent()
         from fanChurn in Percent(100 - (int)customer.Percent)
         from member in Percent()
         from customerChurn in Percent(100 - (int)member.Percent)
         from partner in Percent()
         from repurchase in Percent()
         from renewal in Percent()
         from referral in Percent()
         from prices in Price.ArrayOf(6)
         from levels in Percent(33).ArrayOf(3)
         select new GrowthSimulationOptions
         {
             Months = months,
             Seed = seed,
             Draws = draws ?? (sampled ? SimulationDraws.Sampled : SimulationDraws.Expected),
             MonthlyBudget = leads * costPerLead,
             CostPerLead = costPerLead,
             FanConversion = fan,
             CustomerConversion = customer,
             FanChurn = fanChurn,
             MemberConversion = member,
             CustomerChurn = customerChurn,
             PartnerConversion = partner,
             RepurchaseRate = repurchase,
             RenewalRate = renewal,
             ReferralCoefficient = referral,
             LeadMagnetPrice = prices[0],
             EntryPrice = prices[1],
             HighTicketPrice = prices[2],
             PremiumPrice = prices[3],
             VipFee = Math.Min(prices[4], prices[5]),
             KaFee = Math.Max(prices[4], prices[5]),
             LevelRates = levels,
             PayoutCap = Rate.FromPercent(30),
         }).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property The_same_seed_gives_the_same_projection() =>
        Prop.ForAll(SmallOptions(), options => new GrowthSimulator(options).Run().Equals(new GrowthSimulator(options).Run()));

    [Property(MaxTest = 1000)]
    public Property Everyone_who_entered_is_in_exactly_one_stage_each_month() =>
        Prop.ForAll(SmallOptions(), options =>
        {
            long entered = 0;
            foreach (var month in new GrowthSimulator(options).Run().Months)
            {
                entered += month.Arrivals;
                var s = month.Stages;
                if (s.Total != entered || s.Fans < 0 || s.Customers < 0 || s.Members < 0 || s.Partners < 0 || s.Lost < 0)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 1000)]
    public Property Revenue_is_the_sum_of_the_sales_and_each_line_is_price_times_units() =>
        Prop.ForAll(SmallOptions(), options =>
        {
            var projection = new GrowthSimulator(options).Run();
            var currency = projection.Currency;
            return projection.Months.All(m =>
                    m.Sales.Length == Enum.GetValues<SimulatedProduct>().Length
                    && m.Sales.All(s => s.Amount == s.UnitPrice * s.Units && s.Units >= 0)
                    && m.Revenue == Money.Sum(m.Sales.Select(s => s.Amount), currency)
                    && m.CommissionPaid == Money.Sum(m.Sales.Select(s => s.Commission), currency))
                && projection.Revenue == Money.Sum(projection.Months.SelectMany(m => m.Sales).Select(s => s.Amount), currency);
        });

    [Property(MaxTest = 1000)]
    public Property The_payout_never_exceeds_what_the_level_rates_allow() =>
        Prop.ForAll(SmallOptions(), options =>
        {
            var allowed = options.LevelRates!.Aggregate(Rate.Zero, (sum, rate) => sum + rate);
            return new GrowthSimulator(options).Run().Months.All(m =>
                m.CommissionPaid <= m.Revenue.Multiply(allowed, RoundingMode.Down)
                && m.Sales.All(s => !s.Commission.IsNegative && s.Commission <= s.UnitPrice.Multiply(allowed, RoundingMode.Down) * s.Units));
        });

    /// <summary>
    /// With expected counts both models take the same first step: the same bought leads, apportioned the same
    /// way into fans, each paying the lead product. The community only adds: referred prospects (which can only
    /// raise the apportioned fans, rounding being monotone) and every later purchase.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property The_community_never_sells_less_than_the_traditional_formula() =>
        Prop.ForAll(SmallOptions(SimulationDraws.Expected), options =>
            new GrowthSimulator(options).Run().Months.All(m => m.Revenue >= m.TraditionalRevenue && m.NewFans >= m.TraditionalBuyers));

    /// <summary>
    /// Without referrals the arrivals are the bought leads, so the fans are the traditional buyers and the gap is
    /// exactly what was sold after a lead's first purchase; with no fan converting either (no repurchase of any
    /// kind) the two models are equal month by month.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property Without_referrals_the_gap_is_exactly_the_later_purchases_and_without_repurchase_it_is_zero() =>
        Prop.ForAll(SmallOptions(SimulationDraws.Expected), Gen.Elements(true, false).ToArbitrary(), (options, noRepurchase) =>
        {
            options.ReferralCoefficient = Rate.Zero;
            if (noRepurchase)
            {
                options.CustomerConversion = Rate.Zero;
            }

            return new GrowthSimulator(options).Run().Months.All(m =>
                m.NewFans == m.TraditionalBuyers
                && m.Revenue - m.TraditionalRevenue == Money.Sum(m.Sales.Where(s => s.Product != SimulatedProduct.LeadMagnet).Select(s => s.Amount), m.Revenue.Currency)
                && (!noRepurchase || m.Revenue == m.TraditionalRevenue));
        });

    /// <summary>30 fans a month at 2% or more: at least one fan buys the entry product in month 2 (0.6 rounds up).</summary>
    [Property(MaxTest = 1000)]
    public Property With_referrals_and_repurchase_the_community_sells_strictly_more() =>
        Prop.ForAll(Gen.Choose(1, 100).ToArbitrary(), Gen.Choose(2, 100).ToArbitrary(), (referral, repurchase) =>
        {
            var options = GrowthSimulatorTests.Small(months: 6);
            options.ReferralCoefficient = Rate.FromPercent(referral);
            options.CustomerConversion = Rate.FromPercent(repurchase);
            options.FanChurn = Rate.Zero;
            var projection = new GrowthSimulator(options).Run();
            return projection.Revenue > projection.TraditionalRevenue && projection.Months[1].Revenue > projection.Months[1].TraditionalRevenue;
        });
}
