using CommunityModel.Memberships;
using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class RenewalTests
{
    [Fact]
    public void Renewal_rate_per_tier_and_term_counts_next_terms_within_the_grace_upgrades_included()
    {
        var events = Ordered(
            Term(1, "VIP", On(2025, 3, 1), On(2026, 3, 1)),
            Term(1, "VIP", On(2026, 3, 1), On(2027, 3, 1)),   // renewed on the day
            Term(2, "VIP", On(2025, 3, 10), On(2026, 3, 10)),
            Term(2, "KA", On(2026, 4, 5), On(2027, 4, 5)),    // upgraded 26 days after the end: renewed
            Term(3, "VIP", On(2025, 3, 15), On(2026, 3, 15)),
            Term(3, "VIP", On(2026, 5, 1), On(2027, 5, 1)),   // 47 days after the end: a new purchase, not a renewal
            Term(4, "VIP", On(2024, 3, 20), On(2025, 3, 20)),
            Term(4, "VIP", On(2025, 3, 20), On(2026, 3, 20)), // the second term, not renewed
            Term(5, "KA", On(2025, 3, 31), On(2026, 3, 31)),
            Term(6, "VIP", On(2025, 4, 2), On(2026, 4, 2)));   // ends in April

        var report = new CommunityMetrics().Renewals(events, MetricsPeriod.Month(2026, 3));

        Assert.Equal<RenewalLine>(
            [new RenewalLine("KA", 1, 1, 0), new RenewalLine("VIP", 1, 3, 2), new RenewalLine("VIP", 2, 1, 0)],
            report.ByTierAndTerm);
        Assert.Equal<RenewalLine>([new RenewalLine("KA", null, 1, 0), new RenewalLine("VIP", null, 4, 2)], report.ByTier);
        Assert.Equal(new RenewalLine(null, null, 5, 2), report.Total);
        Assert.Equal(Rate.FromPercent(40), report.Total.RenewalRate);
        Assert.Equal(Rate.Of(2, 3), report.ByTierAndTerm[1].RenewalRate);
        Assert.Equal(3, report.Total.Lapsed);
        Assert.Equal(TimeSpan.FromDays(30), report.Grace);
    }

    [Fact]
    public void The_grace_is_configurable()
    {
        var events = Ordered(Term(1, "VIP", On(2025, 3, 10), On(2026, 3, 10)), Term(1, "VIP", On(2026, 3, 15), On(2027, 3, 15)));

        Assert.Equal(1, new CommunityMetrics().Renewals(events, MetricsPeriod.Month(2026, 3)).Total.Renewed);
        Assert.Equal(0, new CommunityMetrics(new MetricsOptions { RenewalGraceDays = 0 }).Renewals(events, MetricsPeriod.Month(2026, 3)).Total.Renewed);
    }

    [Fact]
    public void The_membership_desks_own_events_feed_the_renewal_rate()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, Shanghai));
        var desk = new MembershipDesk(SeedBusiness.CreatePlan(), clock);
        var events = new List<IDomainEvent>();
        var alice = Record(events, desk.Purchase(1, SeedBusiness.Vip));     // [2025-03-01, 2026-03-01)
        var bob = Record(events, desk.Purchase(2, SeedBusiness.Vip));       // ends 2026-03-01
        var carol = Record(events, desk.Purchase(3, SeedBusiness.Vip));     // upgraded, then refunded: never due
        clock.SetUtcNow(new DateTimeOffset(2025, 6, 1, 10, 0, 0, Shanghai));
        carol = Record(events, desk.Upgrade(carol, SeedBusiness.Ka));
        clock.SetUtcNow(new DateTimeOffset(2025, 9, 1, 10, 0, 0, Shanghai));
        Record(events, desk.Refund(carol));
        clock.SetUtcNow(new DateTimeOffset(2026, 2, 20, 10, 0, 0, Shanghai));
        Record(events, desk.Renew(alice));                                             // renewed on time
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 15, 10, 0, 0, Shanghai));
        Record(events, desk.Refresh(bob));                                             // expired, not renewed

        var report = new CommunityMetrics().Renewals(events, MetricsPeriod.Month(2026, 3));

        Assert.Equal(new RenewalLine(null, null, 2, 1), report.Total);
        Assert.Equal<RenewalLine>([new RenewalLine("vip", 1, 2, 1)], report.ByTierAndTerm);
    }

    [Fact]
    public void Nothing_due_means_no_renewal_rate()
    {
        var report = new CommunityMetrics().Renewals([], MetricsPeriod.Month(2026, 3));

        Assert.Empty(report.ByTierAndTerm);
        Assert.Null(report.Total.RenewalRate);
    }

    private static Membership Record(List<IDomainEvent> events, MembershipChange change)
    {
        events.AddRange(change.Events);
        return change.Membership;
    }
}
