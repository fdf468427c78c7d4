using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class RetentionTests
{
    // Four days, 1 to 4 March. m1 active on days 0, 1, 3; m2 on 0, 2; m3 on 1 (twice), 2; m4 first active in
    // February, then on day 1; m5 only after the period.
    private static readonly MetricsPeriod FourDays = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5));

    private static IDomainEvent[] Activity() => Ordered(
        Active(4, At(2, 20)),
        Active(1, At(3, 1)),
        Active(2, At(3, 1, 23, 30)),
        Active(1, At(3, 2)),
        Active(3, At(3, 2, 9)),
        Active(3, At(3, 2, 21)),
        Active(4, At(3, 2)),
        Active(2, At(3, 3)),
        Active(3, At(3, 3)),
        Active(1, At(3, 4)),
        Active(5, At(3, 5)));

    [Fact]
    public void First_time_daily_cohorts_count_members_by_their_first_day_and_their_returns()
    {
        var report = new CommunityMetrics().Retention(Activity(), FourDays, CohortGranularity.Day);

        Assert.Equal(4, report.Cohorts.Length);
        Assert.Equal(new DateOnly(2026, 3, 1), report.Cohorts[0].PeriodStart);
        Assert.Equal<long>([2L, 1, 1, 1], report.Cohorts[0].Returned);
        Assert.Equal<long>([1L, 1, 0], report.Cohorts[1].Returned);
        Assert.Equal<long>([0L, 0], report.Cohorts[2].Returned);
        Assert.Equal<long>([0L], report.Cohorts[3].Returned);
        Assert.Equal<Rate>([Rate.One, Rate.FromPercent(50), Rate.FromPercent(50), Rate.FromPercent(50)], report.Cohorts[0].Rates);
        Assert.Empty(report.Cohorts[2].Rates);
        Assert.Equal(3, report.TotalSize);
    }

    [Fact]
    public void Recurring_daily_cohorts_take_a_member_into_every_day_they_were_active()
    {
        var report = new CommunityMetrics().Retention(Activity(), FourDays, CohortGranularity.Day, RetentionKind.Recurring);

        Assert.Equal<long>([2L, 1, 1, 1], report.Cohorts[0].Returned);
        Assert.Equal<long>([3L, 1, 1], report.Cohorts[1].Returned);
        Assert.Equal<long>([2L, 0], report.Cohorts[2].Returned);
        Assert.Equal<long>([1L], report.Cohorts[3].Returned);
        Assert.Equal(8, report.TotalSize);
        Assert.Equal(RetentionKind.Recurring, report.Kind);
    }

    [Fact]
    public void Weekly_cohorts_follow_calendar_weeks_starting_on_the_configured_day()
    {
        // 1 March 2026 is a Sunday: with Monday weeks March touches six weeks, the first starting 23 February.
        var monday = new CommunityMetrics().Retention(Activity(), MetricsPeriod.Month(2026, 3), CohortGranularity.Week);
        var sunday = new CommunityMetrics(new MetricsOptions { FirstDayOfWeek = DayOfWeek.Sunday }).Retention(Activity(), MetricsPeriod.Month(2026, 3), CohortGranularity.Week);

        Assert.Equal(6, monday.Cohorts.Length);
        Assert.Equal(new DateOnly(2026, 2, 23), monday.Cohorts[0].PeriodStart);
        Assert.Equal<long>([2L, 2, 0, 0, 0, 0], monday.Cohorts[0].Returned); // m1, m2 on Sunday 1 March; both back in the week of 2 March
        Assert.Equal<long>([2L, 0, 0, 0, 0], monday.Cohorts[1].Returned);   // m3, m5
        Assert.Equal(5, sunday.Cohorts.Length);
        Assert.Equal(new DateOnly(2026, 3, 1), sunday.Cohorts[0].PeriodStart);
        Assert.Equal<long>([4L, 0, 0, 0, 0], sunday.Cohorts[0].Returned);
    }

    [Fact]
    public void Monthly_cohorts_follow_calendar_months()
    {
        var events = Ordered(Active(1, At(1, 5)), Active(2, At(2, 1)), Active(1, At(3, 3)), Active(2, At(2, 28)));

        var report = new CommunityMetrics().Retention(events, new MetricsPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1)), CohortGranularity.Month);

        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], report.Cohorts.Select(c => c.PeriodStart));
        Assert.Equal<long>([1L, 0, 1], report.Cohorts[0].Returned);
        Assert.Equal<long>([1L, 0], report.Cohorts[1].Returned);
        Assert.Equal<long>([0L], report.Cohorts[2].Returned);
    }

    [Fact]
    public void Purchases_and_attendance_count_as_activity()
    {
        var events = Ordered(Bought(1, 99m, At(3, 1)), new AttendanceRecorded(1, "open-class", "lead-1", At(3, 2)));

        var report = new CommunityMetrics().Retention(events, FourDays, CohortGranularity.Day);

        Assert.Equal<long>([1L, 1, 0, 0], report.Cohorts[0].Returned);
    }

    [Fact]
    public void Recurring_cohorts_of_more_than_64_days_keep_every_day()
    {
        var start = new DateOnly(2026, 1, 1);
        var events = Ordered(Active(1, On(2026, 1, 1)), Active(1, On(2026, 3, 12)), Active(1, On(2026, 4, 10)), Active(2, On(2026, 3, 12)));

        var report = new CommunityMetrics().Retention(events, new MetricsPeriod(start, start.AddDays(100)), CohortGranularity.Day, RetentionKind.Recurring);

        Assert.Equal(100, report.Cohorts.Length);
        Assert.Equal(1, report.Cohorts[0].Returned[70]);  // 12 March is day 70
        Assert.Equal(1, report.Cohorts[0].Returned[99]);  // 10 April is day 99
        Assert.Equal(1, report.Cohorts[0].Returned.Sum() - report.Cohorts[0].Returned[70] - report.Cohorts[0].Returned[99]);
        Assert.Equal(2, report.Cohorts[70].Size);
        Assert.Equal(1, report.Cohorts[70].Returned[29]);
        Assert.Equal(4, report.TotalSize);
    }
}
