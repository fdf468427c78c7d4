using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests.Metrics;

public class MetricsProperties
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);
    private static readonly CommunityMetrics Metrics = new();

    /// <summary>Random, time-ordered streams of every fact the metrics read: 15 members over 90 days from 1 February.</summary>
    private static Arbitrary<IDomainEvent[]> Streams() => Stream.Random(Event);

    [Property(MaxTest = 1000)]
    public Property Every_rate_lies_between_zero_and_one() =>
        Prop.ForAll(Streams(), events =>
        {
            var report = Metrics.Compute(events, March);
            IEnumerable<Rate?> rates =
            [
                .. report.Funnel!.Steps.SelectMany(s => new[] { s.StepConversion, s.OverallConversion }),
                .. report.Retention!.Cohorts.SelectMany(c => c.Rates.Select(r => (Rate?)r)),
                .. report.ActiveUsers!.Days.Select(d => d.DauOverMau),
                report.ActiveUsers.AverageDauOverMau,
                .. report.Renewals!.ByTierAndTerm.Select(l => l.RenewalRate),
                report.Renewals.Total.RenewalRate,
                report.Sales!.RepeatPurchaseRate,
                report.Aarrr!.ActivationRate,
                report.Aarrr.RetentionRate,
                report.Aarrr.RepeatPurchaseRate,
                report.Aarrr.Churn,
                report.Aarrr.ReferralShare,
            ];
            return rates.All(r => r is null || r.Value.IsBetweenZeroAndOne);
        });

    [Property(MaxTest = 1000)]
    public Property Funnel_counts_never_increase_down_the_chain() =>
        Prop.ForAll(Streams(), events =>
        {
            var steps = Metrics.Funnel(events, March).Steps;
            return steps.Zip(steps.Skip(1)).All(p => p.Second.Entered <= p.First.Entered && p.Second.DropOff >= 0);
        });

    [Property(MaxTest = 1000)]
    public Property First_time_cohorts_add_up_to_the_members_first_active_in_the_period() =>
        Prop.ForAll(Streams(), events =>
        {
            var firstDays = events.Where(IsActivity).GroupBy(Member).Select(g => LocalDay(g.First()));
            var expected = firstDays.Count(March.Contains);
            var report = Metrics.Retention(events, March, CohortGranularity.Day);
            return report.TotalSize == expected && report.Cohorts.All(c => c.Returned.All(r => r <= c.Size));
        });

    [Property(MaxTest = 1000)]
    public Property Recurring_cohorts_add_up_to_the_distinct_member_days_of_activity() =>
        Prop.ForAll(Streams(), events =>
        {
            var expected = events.Where(IsActivity).Select(e => (Member(e), LocalDay(e))).Where(p => March.Contains(p.Item2)).Distinct().Count();
            var report = Metrics.Retention(events, March, CohortGranularity.Day, RetentionKind.Recurring);
            return report.TotalSize == expected && report.Cohorts.All(c => c.Returned.All(r => r <= c.Size));
        });

    [Property(MaxTest = 500)]
    public Property Daily_active_counts_match_a_direct_count() =>
        Prop.ForAll(Streams(), events =>
        {
            var active = events.Where(IsActivity).Select(e => (Member: Member(e), Day: LocalDay(e))).Distinct().ToArray();
            var report = Metrics.ActiveUsers(events, March);
            return report.Days.All(d =>
                d.Dau == active.Count(a => a.Day == d.Day)
                && d.Wau == active.Where(a => a.Day <= d.Day && a.Day > d.Day.AddDays(-7)).Select(a => a.Member).Distinct().Count()
                && d.Mau == active.Where(a => a.Day <= d.Day && a.Day > d.Day.AddDays(-30)).Select(a => a.Member).Distinct().Count());
        });

    [Property(MaxTest = 500)]
    public Property Sales_add_up_to_the_purchases_of_the_period() =>
        Prop.ForAll(Streams(), events =>
        {
            var purchases = events.OfType<PurchaseMade>().Where(p => March.Contains(LocalDay(p))).ToArray();
            var report = Metrics.Sales(events, March);
            return report.Total.Sales == Money.Sum(purchases.Select(p => p.Amount), Currency.CNY)
                && report.Total.Orders == purchases.Length
                && report.Channels.Sum(c => c.Orders) == purchases.Length
                && report.Total.Buyers == purchases.Select(p => p.Member).Distinct().Count();
        });

    [Property(MaxTest = 500)]
    public Property Conversion_is_distinct_buyers_over_traffic_and_never_above_100_percent() =>
        Prop.ForAll(
            Gen.Choose(0, 50).SelectMany(visits => Gen.Choose(1, 12).SelectMany(buyer => Gen.Choose(0, 2).Select(channel => (buyer, channel))).ArrayOf().Select(orders => (visits, orders))).ToArbitrary(),
            pick =>
            {
                var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, Stream.Shanghai);
                IDomainEvent[] events =
                [
                    new TrafficRecorded("0", pick.visits, at),
                    .. pick.orders.Select((o, i) => Stream.Bought(o.buyer, 10m, at.AddMinutes(i + 1), o.channel.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                ];
                var report = Metrics.Sales(events, March);
                var buyers = pick.orders.Where(o => o.channel == 0).Select(o => o.buyer).Distinct().Count();
                var channel = report.Channels.SingleOrDefault(c => c.Channel == "0");
                return report.Channels.Append(report.Total).All(c => c.Conversion is null || c.Conversion.Value.IsBetweenZeroAndOne)
                    && channel is not null
                    && channel.Conversion == (pick.visits == 0 ? null : Rate.Of(Math.Min(buyers, pick.visits), pick.visits));
            });

    private static bool IsActivity(IDomainEvent e) => e is ActivityRecorded or PurchaseMade or AttendanceRecorded;

    private static MemberId Member(IDomainEvent e) => e switch
    {
        ActivityRecorded a => a.Member,
        PurchaseMade p => p.Member,
        AttendanceRecorded a => a.Member,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    private static DateOnly LocalDay(IDomainEvent e) => DateOnly.FromDateTime(e.OccurredAt.ToOffset(Stream.Shanghai).DateTime);

    private static IDomainEvent Event(DateTimeOffset at, int seed)
    {
        var member = (seed % 15) + 1;
        var other = ((seed / 15) % 15) + 1;
        var from = (LifecycleStage)((seed / 225) % 4);
        var to = (LifecycleStage)((int)from + 1 + ((seed / 900) % (4 - (int)from)));
        LifecycleStage[] passed = [.. Enumerable.Range((int)from + 1, (int)to - (int)from - 1).Select(s => (LifecycleStage)s)];
        return ((seed / 3600) % 9) switch
        {
            0 => Stream.Registered(member, at),
            1 or 2 => Stream.Moved(member, from, to, at, LifecycleTrigger.BoughtMembership, passed),
            3 => Stream.Moved(member, LifecycleStage.Member, LifecycleStage.Lapsed, at, LifecycleTrigger.MembershipExpired),
            4 => Stream.Active(member, at),
            5 => Stream.Bought(member, 1 + ((seed / 32_400) % 500), at, (seed / 32_400 % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            6 => new AttendanceRecorded(member, "open-class", "lead-1", at),
            7 => Stream.Term(member, (seed / 32_400) % 2 == 0 ? "VIP" : "KA", at, at.AddDays(1 + ((seed / 64_800) % 40))),
            _ => new ReferralRecorded(member, member == other ? (member % 15) + 1 : other, at),
        };
    }
}
