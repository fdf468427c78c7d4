namespace CommunityModel.Metrics;

/// <summary>
/// The traditional formula for one channel (or all): sales = traffic × conversion × average order value
/// (销售额 = 流量 × 转化率 × 客单价), with conversion = orders ÷ traffic and average order value = sales ÷ orders.
/// </summary>
/// <param name="Channel">The channel; <see cref="SalesReport.AllChannels"/> for the total.</param>
/// <param name="Traffic">Visits recorded (<see cref="TrafficRecorded"/>).</param>
/// <param name="Orders">Paid purchases (<see cref="PurchaseMade"/>).</param>
/// <param name="Buyers">Distinct members who paid.</param>
/// <param name="Sales">What was paid, exact.</param>
/// <param name="Conversion">Orders ÷ traffic; null without traffic. Above 100% when traffic was under-reported.</param>
/// <param name="AverageOrderValue">Sales ÷ orders, rounded half up to the minor unit; null without orders.</param>
public sealed record ChannelSales(string Channel, long Traffic, long Orders, long Buyers, Money Sales, Rate? Conversion, Money? AverageOrderValue);
