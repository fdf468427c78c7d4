using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class ProductOrderTests
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);

    private static IDomainEvent[] Orders() => Ordered(
        new TrafficRecorded(SalesReport.ProductChannel, 200, At(3, 1)),
        Product(1, "o1", 9.90m, At(3, 2), LadderTier.LeadMagnet),
        Product(1, "o2", 1999m, At(3, 9), LadderTier.HighTicket),
        Product(2, "o3", 199m, At(3, 10)),
        Product(3, "o4", 299m, At(2, 27)),
        Refund(3, "o4", 299m, At(3, 3)),
        Refund(1, "o2", 1000m, At(3, 20)),
        Refund(2, "o3", 199m, At(4, 2)),
        Bought(4, 50m, At(3, 5), "ads"));

    [Fact]
    public void Product_orders_are_sales_on_the_product_channel_and_a_lead_product_counts_like_any_sale()
    {
        var report = new CommunityMetrics().Sales(Orders(), March);

        // o1 9.90 + o2 1,999 + o3 199 = 2,207.90 from 3 orders by 2 buyers; 2 of 200 visits bought; 2,207.90 ÷ 3 = 735.966… → 735.97.
        var product = report.Channels.Single(c => c.Channel == SalesReport.ProductChannel);
        Assert.Equal(new ChannelSales(SalesReport.ProductChannel, 200, 3, 2, Money.Cny(2207.90m), Rate.FromPercent(1), Money.Cny(735.97m)), product);

        // Refunds made in March: the whole of February's o4 (299) and part of o2 (1,000); o3's refund is in April.
        Assert.Equal(Money.Cny(1299m), report.ProductRefunds);
        Assert.Equal(Money.Cny(2257.90m), report.Total.Sales); // with the 50 on ads: gross
        Assert.Equal(Money.Cny(958.90m), report.NetSales);     // 2,257.90 − 1,299
    }

    [Fact]
    public void A_product_refund_lowers_net_revenue_in_the_period_it_is_made_and_leaves_buyers_as_they_were()
    {
        var report = new CommunityMetrics().Aarrr(Orders(), March);

        Assert.Equal(Money.Cny(958.90m), report.Revenue);
        Assert.Equal(3, report.Buyers); // m1, m2, m4; m3 bought in February and only got money back in March
        Assert.Equal(1, report.CustomersAtStart);
        Assert.Equal(3, report.NewCustomers);
    }

    [Fact]
    public void A_product_order_is_activity_and_a_free_one_is_no_sale()
    {
        var events = Ordered(
            Registered(1, At(3, 1)),
            new ProductPurchased(1, "o1", "guide", ProductKind.OnlineCourse, LadderTier.LeadMagnet, Money.Cny(0m), Money.Cny(0m), At(3, 2)),
            Product(2, "o2", 19.90m, At(3, 3), LadderTier.LeadMagnet));

        var report = new CommunityMetrics().Compute(events, March);

        Assert.Equal(1, report.Sales!.Total.Orders);
        Assert.Equal(Money.Cny(19.90m), report.Aarrr!.Revenue);
        Assert.Equal(1, report.ActiveUsers!.Days[2].Dau); // 3 March: m2's order; m1's free guide on 2 March is no activity
        Assert.Equal(0, report.ActiveUsers.Days[1].Dau);
    }
}
