using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class ActiveUsersTests
{
    [Fact]
    public void Dau_wau_and_mau_are_distinct_members_in_rolling_windows_ending_on_each_day()
    {
        var events = Ordered(
            Active(1, At(2, 8)),  // outside every window
            Active(2, At(2, 10)), // in the 30 days ending 10 and 11 March
            Active(3, At(3, 5)),  // in the 7 days ending 10 and 11 March
            Active(4, At(3, 10)),
            Active(4, At(3, 11, 8)),
            Active(4, At(3, 11, 20)),
            Active(5, At(3, 11)));

        var report = new CommunityMetrics().ActiveUsers(events, new MetricsPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12)));

        Assert.Equal([new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)], report.Days.Select(d => d.Day));
        Assert.Equal([1L, 2], report.Days.Select(d => d.Dau));
        Assert.Equal([2L, 3], report.Days.Select(d => d.Wau));
        Assert.Equal([3L, 4], report.Days.Select(d => d.Mau));
        Assert.Equal(Rate.Of(1, 3), report.Days[0].DauOverMau);
        Assert.Equal(Rate.FromPercent(50), report.Days[1].DauOverMau);
        Assert.Equal(1.5m, report.AverageDau);
        Assert.Equal(Rate.Of(3, 7), report.AverageDauOverMau);
    }

    [Fact]
    public void A_day_without_anyone_active_has_no_stickiness()
    {
        var report = new CommunityMetrics().ActiveUsers([], new MetricsPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)));

        Assert.Equal(0, report.Days[0].Mau);
        Assert.Null(report.Days[0].DauOverMau);
        Assert.Null(report.AverageDauOverMau);
    }

    [Fact]
    public void Days_follow_the_zone_through_a_daylight_saving_change()
    {
        // New York moves from UTC−5 to UTC−4 at 2026-03-08 07:00 UTC. 2026-03-09 04:30 UTC is 00:30 on 9 March
        // under the new offset (it would still be 8 March under the old one).
        IDomainEvent[] events = [Active(1, new DateTimeOffset(2026, 3, 8, 6, 30, 0, TimeSpan.Zero)), Active(2, new DateTimeOffset(2026, 3, 9, 4, 30, 0, TimeSpan.Zero))];

        var report = new CommunityMetrics(new MetricsOptions { TimeZone = "America/New_York" })
            .ActiveUsers(events, new MetricsPeriod(new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 10)));

        Assert.Equal([1L, 1], report.Days.Select(d => d.Dau));
        Assert.Equal([1L, 2], report.Days.Select(d => d.Wau));
    }
}
