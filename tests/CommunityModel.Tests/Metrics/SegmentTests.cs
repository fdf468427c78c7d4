using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class SegmentTests
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);

    /// <summary>
    /// March of a small community. m1 holds VIP from 20 February (bought then), m2 holds KA from 1 February (a term
    /// recorded by the integrator); both are Members when March starts and m2 lapses on 25 March (churn 1 of 2 = 50%).
    /// m3 is a fan who buys a lead product and then an entry course, m4 buys on an integrator channel and has no
    /// stage, m5 takes a free lead product (no order).
    /// </summary>
    private static IDomainEvent[] Community() => Ordered(
        Registered(1, At(2, 1)),
        Moved(1, LifecycleStage.Prospect, LifecycleStage.Customer, At(2, 10), LifecycleTrigger.MadeFirstPurchase, LifecycleStage.Fan),
        Product(1, "o1", 199m, At(2, 10, 9)),
        new MembershipPurchased(1, "vip", new TermPeriod(new DateOnly(2026, 2, 20), new DateOnly(2027, 2, 20)), Money.Cny(365m), Money.Cny(0m), At(2, 20)),
        Moved(1, LifecycleStage.Customer, LifecycleStage.Member, At(2, 20, 11), LifecycleTrigger.BoughtMembership),
        Product(1, "o2", 200m, At(3, 5)),
        Product(1, "o3", 300m, At(3, 12)),
        Product(1, "o4", 100m, At(3, 20)),
        Registered(2, At(1, 5)),
        Moved(2, LifecycleStage.Prospect, LifecycleStage.Member, At(2, 1), LifecycleTrigger.BoughtMembership, LifecycleStage.Fan, LifecycleStage.Customer),
        Term(2, "ka", At(2, 1, 0), At(5, 1, 0)),
        Product(2, "o5", 1000m, At(3, 8)),
        Product(2, "o6", 500m, At(3, 9)),
        Refund(2, "o6", 500m, At(3, 10)),
        Moved(2, LifecycleStage.Member, LifecycleStage.Lapsed, At(3, 25), LifecycleTrigger.MembershipExpired),
        Registered(3, At(3, 2)),
        Moved(3, LifecycleStage.Prospect, LifecycleStage.Fan, At(3, 3)),
        Product(3, "o7", 9.90m, At(3, 4), LadderTier.LeadMagnet),
        Moved(3, LifecycleStage.Fan, LifecycleStage.Customer, At(3, 4, 11), LifecycleTrigger.MadeFirstPurchase),
        Product(3, "o8", 199m, At(3, 15)),
        Bought(4, 99m, At(3, 6), "ads"),
        new ProductPurchased(5, "o9", "guide", ProductKind.OnlineCourse, LadderTier.LeadMagnet, Money.Cny(0m), Money.Cny(0m), At(3, 7)));

    [Fact]
    public void Orders_are_segmented_by_the_tier_held_at_the_time_of_each_order()
    {
        var report = new CommunityMetrics(new MetricsOptions { GrossMargin = Rate.FromPercent(60) }).Segments(Community(), March);

        // none: m3 9.90 + 199 and m4 99 = 3 orders, 2 buyers, 307.90; per buyer 153.95 → LTV 153.95 ÷ 50% = 307.90,
        //       on a 60% margin 153.95 × 60% = 92.37 → 184.74.
        // vip:  m1 200 + 300 + 100 = 3 orders, 1 buyer, 600 → LTV 1,200; 600 × 60% = 360 → 720.
        // ka:   m2 1,000 + 500, less the 500 refunded = 2 orders, 1 buyer, 1,000 → LTV 2,000; 600 → 1,200.
        Assert.Equal<SegmentLine>(
            [
                new SegmentLine("ka", 1, 2, Money.Cny(1000m), Money.Cny(2000m), Money.Cny(1200m)),
                new SegmentLine(SegmentReport.NoTier, 2, 3, Money.Cny(307.90m), Money.Cny(307.90m), Money.Cny(184.74m)),
                new SegmentLine("vip", 1, 3, Money.Cny(600m), Money.Cny(1200m), Money.Cny(720m)),
            ],
            report.ByTier);

        // Everyone: 8 orders, 4 buyers (m5's free lead product is no order), 307.90 + 600 + 1,000 = 1,907.90;
        // per buyer 476.975 → 476.98 → LTV 953.96; 476.98 × 60% = 286.188 → 286.19 → 572.38.
        Assert.Equal(new SegmentLine(SegmentReport.Everyone, 4, 8, Money.Cny(1907.90m), Money.Cny(953.96m), Money.Cny(572.38m)), report.Total);
        Assert.Equal(Rate.FromPercent(50), report.Churn);
        Assert.Equal(Rate.FromPercent(60), report.GrossMargin);
    }

    [Fact]
    public void Members_buy_more_often_and_spend_more_per_order_than_ordinary_customers()
    {
        var comparison = new CommunityMetrics().Segments(Community(), March).MembersAgainstCustomers;

        // Members (vip and ka): 5 orders from 2 buyers = 2.5 a buyer; 1,600 ÷ 5 = 320 an order.
        Assert.Equal(new SegmentLine(SegmentReport.AnyTier, 2, 5, Money.Cny(1600m), Money.Cny(1600m), Money.Cny(1600m)), comparison.Members);
        Assert.Equal(2.5m, comparison.Members.OrdersPerBuyer);
        Assert.Equal(Money.Cny(320m), comparison.Members.AverageOrderValue);

        // Customers: 3 orders from 2 buyers = 1.5 a buyer; 307.90 ÷ 3 = 102.633 → 102.63 an order.
        Assert.Equal(1.5m, comparison.Customers.OrdersPerBuyer);
        Assert.Equal(Money.Cny(102.63m), comparison.Customers.AverageOrderValue);

        // 2.5 ÷ 1.5 = 1.6667 times as often; 320 ÷ 102.63 = 3.1180 times the order value.
        Assert.Equal(1.6667m, Math.Round(comparison.FrequencyRatio!.Value, 4));
        Assert.Equal(3.1180m, Math.Round(comparison.OrderValueRatio!.Value, 4));
    }

    [Fact]
    public void Orders_are_segmented_by_the_value_chain_stage_at_the_time_of_each_order()
    {
        var stages = new CommunityMetrics().Segments(Community(), March).ByStage;

        // m3's lead product falls in Fan (the move to Customer comes an hour later), the entry course in Customer;
        // m1 and m2 are Members (m2's refund on 10 March too); m4 has no stage yet.
        Assert.Equal(["Fan", "Customer", "Member", SegmentReport.UnknownStage], stages.Select(s => s.Segment));
        Assert.Equal([1L, 1, 5, 1], stages.Select(s => s.Orders));
        Assert.Equal([1L, 1, 2, 1], stages.Select(s => s.Buyers));
        Assert.Equal([Money.Cny(9.90m), Money.Cny(199m), Money.Cny(1600m), Money.Cny(99m)], stages.Select(s => s.Revenue));
    }

    [Fact]
    public void A_membership_fee_is_an_order_of_the_tier_held_before_it()
    {
        var term = new TermPeriod(new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 2));
        var events = Ordered(
            new MembershipPurchased(1, "vip", term, Money.Cny(365m), Money.Cny(0m), At(3, 2)),
            Product(1, "o1", 100m, At(3, 3)),
            new MembershipUpgraded(1, "vip", "ka", term, Money.Cny(3600m), Money.Cny(300m), Money.Cny(3300m), At(3, 10)),
            Product(1, "o2", 50m, At(3, 11)),
            new MembershipRefunded(1, "ka", Money.Cny(3000m), RefundBasis.ProRata, Money.Cny(300m), At(3, 12)),
            Product(1, "o3", 20m, At(3, 13)));

        var tiers = new CommunityMetrics().Segments(events, March).ByTier.ToDictionary(t => t.Segment, t => (t.Orders, t.Revenue));

        // The first fee (365) and, after the refund, o3 (20) are a customer's; o1 and the upgrade charge (3,300) are VIP's; o2 is KA's.
        Assert.Equal((2L, Money.Cny(385m)), tiers[SegmentReport.NoTier]);
        Assert.Equal((2L, Money.Cny(3400m)), tiers["vip"]);
        Assert.Equal((1L, Money.Cny(50m)), tiers["ka"]);
    }

    [Fact]
    public void A_term_covers_orders_only_between_its_start_and_its_end()
    {
        var events = Ordered(
            Term(1, "vip", At(3, 5, 0), At(3, 10, 0)),
            Bought(1, 10m, At(3, 4)),
            Bought(1, 20m, At(3, 6)),
            Bought(1, 40m, At(3, 11)),
            Term(1, "vip", At(3, 20, 0), At(4, 20, 0)),
            Bought(1, 80m, At(3, 21)));

        var tiers = new CommunityMetrics().Segments(events, March).ByTier.ToDictionary(t => t.Segment, t => t.Revenue);

        Assert.Equal(Money.Cny(50m), tiers[SegmentReport.NoTier]); // before the first term and in the gap
        Assert.Equal(Money.Cny(100m), tiers["vip"]);
    }

    [Fact]
    public void Without_orders_or_churn_the_averages_and_lifetime_values_are_null()
    {
        var report = new CommunityMetrics().Segments([Bought(1, 10m, At(3, 2))], March);

        Assert.Null(report.Churn);
        Assert.Null(report.Total.LifetimeValue);
        Assert.Null(report.Total.MarginLifetimeValue);
        Assert.Null(report.MembersAgainstCustomers.Members.OrdersPerBuyer);
        Assert.Null(report.MembersAgainstCustomers.Members.AverageOrderValue);
        Assert.Null(report.MembersAgainstCustomers.Members.RevenuePerBuyer);
        Assert.Null(report.MembersAgainstCustomers.FrequencyRatio);
        Assert.Null(report.MembersAgainstCustomers.OrderValueRatio);
        Assert.Equal(Money.Cny(10m), report.MembersAgainstCustomers.Customers.RevenuePerBuyer);
    }

    [Fact]
    public void Segments_come_with_the_other_reports_only_when_asked_for()
    {
        var metrics = new CommunityMetrics();

        Assert.NotNull(metrics.Compute(Community(), March).Segments);
        var segmentsOnly = metrics.Compute(Community(), March, MetricSet.Segments);
        Assert.Null(segmentsOnly.Aarrr);
        Assert.NotNull(segmentsOnly.Segments);
        Assert.Null(metrics.Compute(Community(), March, MetricSet.Aarrr).Segments);
    }
}
