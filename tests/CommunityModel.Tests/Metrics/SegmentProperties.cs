using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests.Metrics;

public class SegmentProperties
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);

    /// <summary>Random, time-ordered streams of orders, refunds, terms, membership desk events and stage moves: 8 members over 90 days.</summary>
    private static Arbitrary<IDomainEvent[]> Streams() => Stream.Random(Event);

    [Property(MaxTest = 500)]
    public Property Revenue_by_segment_adds_up_to_the_net_revenue_to_the_fen() =>
        Prop.ForAll(Streams(), events =>
        {
            var report = new CommunityMetrics().Compute(events, March);
            var segments = report.Segments!;
            var total = segments.Total;
            var comparison = segments.MembersAgainstCustomers;
            return Money.Sum(segments.ByTier.Select(t => t.Revenue), Currency.CNY) == total.Revenue
                && Money.Sum(segments.ByStage.Select(s => s.Revenue), Currency.CNY) == total.Revenue
                && comparison.Members.Revenue + comparison.Customers.Revenue == total.Revenue
                && total.Revenue == report.Aarrr!.Revenue
                && total.Revenue == report.Sales!.NetSales
                && segments.ByTier.Sum(t => t.Orders) == total.Orders
                && segments.ByStage.Sum(s => s.Orders) == total.Orders
                && total.Orders == report.Sales.Total.Orders
                && total.Buyers == report.Aarrr.Buyers
                && segments.ByTier.All(t => t.Buyers <= total.Buyers && t.Buyers <= t.Orders);
        });

    [Property(MaxTest = 500)]
    public Property Lifetime_value_on_a_100_percent_margin_is_the_revenue_lifetime_value() =>
        Prop.ForAll(Streams(), events =>
        {
            var report = new CommunityMetrics().Compute(events, March);
            var segments = report.Segments!;
            SegmentLine[] lines = [segments.Total, .. segments.ByTier, .. segments.ByStage, segments.MembersAgainstCustomers.Members, segments.MembersAgainstCustomers.Customers];
            return report.Aarrr!.MarginLifetimeValue == report.Aarrr.LifetimeValue
                && lines.All(l => l.MarginLifetimeValue == l.LifetimeValue);
        });

    [Property(MaxTest = 300)]
    public Property Lifetime_value_on_a_margin_is_the_revenue_per_buyer_times_the_margin_over_churn() =>
        Prop.ForAll(Streams(), Gen.Choose(0, 100).ToArbitrary(), (events, percent) =>
        {
            var margin = Rate.FromPercent(percent);
            var report = new CommunityMetrics(new MetricsOptions { GrossMargin = margin }).Segments(events, March);
            SegmentLine[] lines = [report.Total, .. report.ByTier, .. report.ByStage];
            return lines.All(l => l.MarginLifetimeValue == (l.RevenuePerBuyer is { } perBuyer && report.Churn is { IsZero: false } churn
                ? perBuyer.Multiply(margin).Divide(churn.Fraction)
                : null));
        });

    private static IDomainEvent Event(DateTimeOffset at, int seed)
    {
        var member = (seed % 8) + 1;
        var amount = 1 + ((seed / 8) % 300);
        var term = new TermPeriod(DateOnly.FromDateTime(at.DateTime), DateOnly.FromDateTime(at.DateTime).AddDays(1 + ((seed / 2400) % 40)));
        var from = (LifecycleStage)((seed / 96_000) % 5);
        var to = (LifecycleStage)((seed / 480_000) % 7);
        return ((seed / 3_360_000) % 10) switch
        {
            0 => Stream.Moved(member, from, to, at, LifecycleTrigger.BoughtMembership),
            1 or 2 => Stream.Product(member, "o" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture), amount, at),
            3 => Stream.Refund(member, "o" + member.ToString(System.Globalization.CultureInfo.InvariantCulture), amount, at),
            4 => Stream.Bought(member, amount, at, "ads"),
            5 => Stream.Term(member, seed % 3 == 0 ? "vip" : "ka", at, at.AddDays(1 + ((seed / 2400) % 40))),
            6 => new MembershipPurchased(member, "vip", term, Money.Cny(amount), Money.Cny(0m), at),
            7 => new MembershipUpgraded(member, "vip", "ka", term, Money.Cny(amount), Money.Cny(0m), Money.Cny(amount), at),
            8 => new MembershipRefunded(member, "vip", Money.Cny(amount), RefundBasis.ProRata, Money.Cny(0m), at),
            _ => Stream.Moved(member, LifecycleStage.Member, LifecycleStage.Lapsed, at, LifecycleTrigger.MembershipExpired),
        };
    }
}
