namespace CommunityModel.Metrics;

/// <summary>
/// The orders of one segment of buyers in a period — a membership tier held, or a value-chain stage, at the time of
/// each order — with purchase frequency, average order value and lifetime value.
/// </summary>
/// <param name="Segment">The segment: a tier id, <see cref="SegmentReport.NoTier"/>, <see cref="SegmentReport.AnyTier"/>, a stage name, <see cref="SegmentReport.UnknownStage"/> or <see cref="SegmentReport.Everyone"/>.</param>
/// <param name="Buyers">Distinct members who paid at least one order while in the segment.</param>
/// <param name="Orders">Paid orders placed while in the segment.</param>
/// <param name="Revenue">What those orders paid, less the product refunds made while in the segment (net revenue); exact.</param>
/// <param name="LifetimeValue">Revenue per buyer ÷ the period's churn; null without buyers or when churn is zero or unknown.</param>
/// <param name="MarginLifetimeValue">Revenue per buyer × the gross margin (rounded to the minor unit) ÷ churn; equal to <paramref name="LifetimeValue"/> at 100%.</param>
public sealed record SegmentLine(string Segment, long Buyers, long Orders, Money Revenue, Money? LifetimeValue, Money? MarginLifetimeValue)
{
    /// <summary>Purchase frequency: orders ÷ buyers in the period; null without buyers.</summary>
    public decimal? OrdersPerBuyer => Buyers == 0 ? null : (decimal)Orders / Buyers;

    /// <summary>Average order value: revenue ÷ orders, rounded half up to the minor unit; null without orders.</summary>
    public Money? AverageOrderValue => Orders == 0 ? null : Revenue.Divide(Orders);

    /// <summary>Revenue per buyer, rounded half up to the minor unit; null without buyers.</summary>
    public Money? RevenuePerBuyer => Buyers == 0 ? null : Revenue.Divide(Buyers);
}
