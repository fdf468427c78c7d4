namespace CommunityModel.Metrics;

/// <summary>
/// The traditional formula for one channel (or all): sales = traffic × conversion × average order value
/// (销售额 = 流量 × 转化率 × 客单价). Conversion counts people, not orders: distinct buyers ÷ traffic; what repeat
/// orders add is <see cref="OrdersPerBuyer"/>, so sales = traffic × conversion × orders per buyer × average order
/// value, with average order value = sales ÷ orders.
/// </summary>
/// <param name="Channel">The channel; <see cref="SalesReport.AllChannels"/> for the total.</param>
/// <param name="Traffic">Visits recorded (<see cref="TrafficRecorded"/>).</param>
/// <param name="Orders">Paid purchases (<see cref="PurchaseMade"/>).</param>
/// <param name="Buyers">Distinct members who paid.</param>
/// <param name="Sales">What was paid, exact.</param>
/// <param name="Conversion">
/// Distinct buyers ÷ traffic; null without traffic. Never above 100%: when more buyers than visits were recorded
/// (traffic under-reported) it is 100%.
/// </param>
/// <param name="AverageOrderValue">Sales ÷ orders, rounded half up to the minor unit; null without orders.</param>
public sealed record ChannelSales(string Channel, long Traffic, long Orders, long Buyers, Money Sales, Rate? Conversion, Money? AverageOrderValue)
{
    /// <summary>Orders ÷ distinct buyers (how often a buyer bought in the period); null without buyers.</summary>
    public decimal? OrdersPerBuyer => Buyers == 0 ? null : (decimal)Orders / Buyers;
}
