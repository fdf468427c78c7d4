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
    public void Sales_are_traffic_times_conversion_times_average_order_value_per_channel()
    {
        var report = new CommunityMetrics().Sales(Events(), March);

        var lead = report.Channels.Single(c => c.Channel == "lead-group");
        Assert.Equal(new ChannelSales("lead-group", 1000, 3, 2, Money.Cny(397m), Rate.FromPercent(0.3m), Money.Cny(132.33m)), lead);
        var live = report.Channels.Single(c => c.Channel == "live-class");
        Assert.Equal(new ChannelSales("live-class", 0, 1, 1, Money.Cny(3600m), null, Money.Cny(3600m)), live);
        Assert.Equal(new ChannelSales(SalesReport.AllChannels, 1000, 4, 3, Money.Cny(3997m), Rate.FromPercent(0.4m), Money.Cny(999.25m)), report.Total);

        // The traditional formula holds: 1,000 visits × 0.4% × 999.25 = 3,997.
        Assert.Equal(report.Total.Sales, report.Total.AverageOrderValue!.Value.Multiply(report.Total.Conversion!.Value.Fraction * report.Total.Traffic));
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
