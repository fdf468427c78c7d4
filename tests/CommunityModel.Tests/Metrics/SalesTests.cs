using CommunityModel.Memberships;
using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class SalesTests
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);

    private static IDomainEvent[] Events() => Ordered(
        new TrafficRecorded("lead-group", 600, At(3, 1)),
        new TrafficRecorded("lead-group", 400, At(3, 15)),
        new TrafficRecorded("lead-group", 500, At(4, 1)),
        Bought(1, 99m, At(3, 2)),
        Bought(2, 99m, At(3, 3)),
        Bought(1, 199m, At(3, 20)),
        Bought(3, 3600m, At(3, 21), "live-class"),
        Bought(4, 99m, At(2, 28, 23)),
        Bought(4, 99m, At(4, 1)));

    [Fact]
    public void Sales_are_traffic_times_conversion_times_orders_per_buyer_times_average_order_value_per_channel()
    {
        var report = new CommunityMetrics().Sales(Events(), March);

        var lead = report.Channels.Single(c => c.Channel == "lead-group");
        Assert.Equal(new ChannelSales("lead-group", 1000, 3, 2, Money.Cny(397m), Rate.FromPercent(0.2m), Money.Cny(132.33m)), lead);
        Assert.Equal(1.5m, lead.OrdersPerBuyer);
        var live = report.Channels.Single(c => c.Channel == "live-class");
        Assert.Equal(new ChannelSales("live-class", 0, 1, 1, Money.Cny(3600m), null, Money.Cny(3600m)), live);
        Assert.Equal(new ChannelSales(SalesReport.AllChannels, 1000, 4, 3, Money.Cny(3997m), Rate.FromPercent(0.3m), Money.Cny(999.25m)), report.Total);

        // The traditional formula holds: 1,000 visits × 0.3% buyers × 4/3 orders per buyer × 999.25 = 3,997.
        var total = report.Total;
        Assert.Equal(total.Sales, total.AverageOrderValue!.Value.Multiply(total.Traffic * total.Conversion!.Value.Fraction * total.Orders / total.Buyers));
    }

    [Fact]
    public void Conversion_is_distinct_buyers_over_traffic_never_orders_so_repeat_orders_cannot_push_it_past_100_percent()
    {
        // 58 visits, 72 orders from 40 buyers: orders ÷ traffic would be 124.1%.
        var events = new List<IDomainEvent> { new TrafficRecorded("flash-sale", 58, At(3, 1)) };
        for (var i = 0; i < 72; i++)
        {
            events.Add(Bought(1 + (i % 40), 9.9m, At(3, 2).AddMinutes(i), "flash-sale"));
        }

        var channel = new CommunityMetrics().Sales(events, March).Channels.Single();

        Assert.Equal(Rate.Of(40, 58), channel.Conversion);
        Assert.Equal(1.8m, channel.OrdersPerBuyer);
    }

    [Fact]
    public void Conversion_is_capped_at_100_percent_when_more_buyers_than_visits_were_recorded()
    {
        var events = Ordered(new TrafficRecorded("ads", 1, At(3, 1)), Bought(1, 10m, At(3, 2), "ads"), Bought(2, 10m, At(3, 3), "ads"));

        Assert.Equal(Rate.One, new CommunityMetrics().Sales(events, March).Total.Conversion);
    }

    [Fact]
    public void The_membership_desk_events_are_sales_on_the_membership_channel()
    {
        var term = new TermPeriod(new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 2));
        var events = Ordered(
            new MembershipPurchased(1, "vip", term, Money.Cny(3600m), Money.Cny(0m), At(3, 2)),
            new MembershipPurchased(2, "ka", term, Money.Cny(0m), Money.Cny(0m), At(3, 3), "complimentary"),
            new MembershipUpgraded(1, "vip", "ka", new TermPeriod(new DateOnly(2026, 3, 10), new DateOnly(2027, 3, 2)), Money.Cny(117_000m), Money.Cny(3500m), Money.Cny(113_500m), At(3, 10)),
            new TrafficRecorded(SalesReport.MembershipChannel, 10, At(3, 1)));

        var channel = new CommunityMetrics().Sales(events, March).Channels.Single();

        Assert.Equal(new ChannelSales(SalesReport.MembershipChannel, 10, 2, 1, Money.Cny(117_100m), Rate.FromPercent(10m), Money.Cny(58_550m)), channel);
    }

    [Fact]
    public void Promoter_rights_bought_on_their_own_are_a_sale_and_rights_that_came_with_a_term_are_not_counted_twice()
    {
        var term = new TermPeriod(new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 2));
        var events = Ordered(
            new MembershipPurchased(1, "gift-pack", term, Money.Cny(399m), Money.Cny(0m), At(3, 2)),
            new PromoterRightsGranted(1, "gift-pack", Rate.FromPercent(10m), At(3, 2)),
            new MembershipPurchased(2, "vip", term, Money.Cny(3600m), Money.Cny(0m), At(3, 3)),
            new PromoterRightsGranted(2, "gift-pack", Rate.FromPercent(10m), At(3, 4), Money.Cny(399m)));

        var channel = new CommunityMetrics().Sales(events, March).Channels.Single();

        // ¥399 + ¥3,600 + ¥399 in three orders by two buyers.
        Assert.Equal((3, 2, Money.Cny(4398m)), (channel.Orders, channel.Buyers, channel.Sales));
    }

    [Fact]
    public void The_repeat_purchase_rate_is_buyers_who_paid_twice_over_buyers()
    {
        Assert.Equal(Rate.Of(1, 3), new CommunityMetrics().Sales(Events(), March).RepeatPurchaseRate);
    }

    [Fact]
    public void A_period_without_purchases_has_zero_sales_and_no_rates()
    {
        var report = new CommunityMetrics().Sales([new TrafficRecorded("ads", 10, At(3, 1))], March);

        Assert.Equal(Money.Cny(0m), report.Total.Sales);
        Assert.Equal(Rate.Zero, report.Total.Conversion);
        Assert.Null(report.Total.AverageOrderValue);
        Assert.Null(report.RepeatPurchaseRate);
    }
}
