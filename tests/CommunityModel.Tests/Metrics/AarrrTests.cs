using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class AarrrTests
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);

    private static IDomainEvent[] Community() => Ordered(
        // m1: registered in February, a buyer and a member before March; comes back in March, then lapses.
        Registered(1, At(2, 10)),
        Active(1, At(2, 20)),
        Bought(1, 99m, At(2, 25)),
        Moved(1, LifecycleStage.Customer, LifecycleStage.Member, At(2, 26), LifecycleTrigger.BoughtMembership),
        Bought(1, 3600m, At(3, 3)),
        Active(1, At(3, 5)),
        Moved(1, LifecycleStage.Member, LifecycleStage.Lapsed, At(3, 20), LifecycleTrigger.MembershipExpired),
        // m2: registered in March, referred by m1, active after 3 days, buys twice.
        Registered(2, At(3, 2)),
        new ReferralRecorded(1, 2, At(3, 2, 11)),
        Active(2, At(3, 5)),
        Bought(2, 99m, At(3, 6)),
        Bought(2, 199m, At(3, 20)),
        // m3: registered in March, first active after 12 days, buys once.
        Registered(3, At(3, 3)),
        Bought(3, 99m, At(3, 15)),
        // m4: a member since January, active in February only, stays a member.
        Registered(4, At(1, 5)),
        Bought(4, 3600m, At(1, 6)),
        Moved(4, LifecycleStage.Prospect, LifecycleStage.Member, At(1, 6), LifecycleTrigger.BoughtMembership, LifecycleStage.Fan, LifecycleStage.Customer),
        Active(4, At(2, 1)),
        // m5: registered late in March, never active.
        Registered(5, At(3, 25)));

    [Fact]
    public void The_pirate_metrics_of_a_small_community()
    {
        var report = new CommunityMetrics().Aarrr(Community(), March);

        Assert.Equal(3, report.Acquired);
        Assert.Equal(1, report.Activated);
        Assert.Equal(Rate.Of(1, 3), report.ActivationRate);
        Assert.Equal(2, report.PreviouslyActive);
        Assert.Equal(1, report.Returned);
        Assert.Equal(Rate.FromPercent(50), report.RetentionRate);
        Assert.Equal(Money.Cny(3997m), report.Revenue);
        Assert.Equal(3, report.Buyers);
        Assert.Equal(Money.Cny(1332.33m), report.AverageRevenuePerBuyer);
        Assert.Equal(Rate.Of(1, 3), report.RepeatPurchaseRate);
        Assert.Equal(2, report.PayingAtStart);
        Assert.Equal(1, report.Churned);
        Assert.Equal(Rate.FromPercent(50), report.Churn);
        Assert.Equal(Money.Cny(2664.66m), report.LifetimeValue); // ARPU 1,332.33 ÷ churn 50%
        Assert.Equal(2, report.CustomersAtStart);
        Assert.Equal(2, report.NewCustomers);
        Assert.Equal(1, report.ReferredNewCustomers);
        Assert.Equal(Rate.FromPercent(50), report.ReferralShare);
        Assert.Equal(0.5m, report.KFactor);
    }

    [Fact]
    public void Lifetime_value_is_reported_on_revenue_and_on_gross_margin()
    {
        var revenueOnly = new CommunityMetrics().Aarrr(Community(), March);
        var onMargin = new CommunityMetrics(new MetricsOptions { GrossMargin = Rate.FromPercent(35) }).Aarrr(Community(), March);

        Assert.Equal(Rate.One, revenueOnly.GrossMargin);
        Assert.Equal(revenueOnly.LifetimeValue, revenueOnly.MarginLifetimeValue); // 100%: the same
        Assert.Equal(Money.Cny(2664.66m), onMargin.LifetimeValue);
        Assert.Equal(Money.Cny(932.64m), onMargin.MarginLifetimeValue); // ARPU 1,332.33 × 35% = 466.3155 → 466.32, ÷ churn 50%
        Assert.Equal(Money.Cny(0m), new CommunityMetrics(new MetricsOptions { GrossMargin = Rate.Zero }).Aarrr(Community(), March).MarginLifetimeValue);
    }

    [Theory]
    [InlineData(ActivationSignal.Activity, 7, 1)]
    [InlineData(ActivationSignal.Activity, 12, 2)]
    [InlineData(ActivationSignal.Purchase, 7, 1)]
    [InlineData(ActivationSignal.Purchase, 3, 0)]
    [InlineData(ActivationSignal.Attendance, 30, 0)]
    public void The_activation_rule_is_configurable(ActivationSignal signal, int withinDays, long activated)
    {
        var options = new MetricsOptions { ActivationSignal = signal, ActivationWithinDays = withinDays };

        Assert.Equal(activated, new CommunityMetrics(options).Aarrr(Community(), March).Activated);
    }

    [Fact]
    public void Reaching_a_stage_can_be_the_activation_rule_passed_stages_included()
    {
        var options = new MetricsOptions { ActivationSignal = ActivationSignal.StageReached, ActivationStage = LifecycleStage.Customer };
        var events = Ordered(
            Registered(1, At(3, 1)),
            Moved(1, LifecycleStage.Prospect, LifecycleStage.Member, At(3, 2), LifecycleTrigger.BoughtMembership, LifecycleStage.Fan, LifecycleStage.Customer),
            Registered(2, At(3, 1)),
            Moved(2, LifecycleStage.Prospect, LifecycleStage.Fan, At(3, 2)));

        Assert.Equal(1, new CommunityMetrics(options).Aarrr(events, March).Activated);
    }

    [Fact]
    public void Lifetime_value_is_null_when_nobody_churned()
    {
        var events = Ordered(
            Registered(1, At(1, 5)),
            Moved(1, LifecycleStage.Prospect, LifecycleStage.Member, At(1, 6), LifecycleTrigger.BoughtMembership, LifecycleStage.Fan, LifecycleStage.Customer),
            Bought(1, 3600m, At(3, 6)));

        var report = new CommunityMetrics().Aarrr(events, March);

        Assert.Equal(Rate.Zero, report.Churn);
        Assert.Equal(Money.Cny(3600m), report.AverageRevenuePerBuyer);
        Assert.Null(report.LifetimeValue);
        Assert.Null(report.KFactor);
        Assert.Equal(Rate.Zero, report.ReferralShare); // m1 is a new customer (first purchase in March), not referred
    }

    [Fact]
    public void An_empty_community_has_no_rates()
    {
        var report = new CommunityMetrics().Aarrr([], March);

        Assert.Equal(Money.Cny(0m), report.Revenue);
        Assert.Null(report.ActivationRate);
        Assert.Null(report.RetentionRate);
        Assert.Null(report.AverageRevenuePerBuyer);
        Assert.Null(report.RepeatPurchaseRate);
        Assert.Null(report.Churn);
        Assert.Null(report.LifetimeValue);
    }
}
