using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class FunnelTests
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);

    [Fact]
    public void Counts_each_stage_entered_in_order_with_step_and_overall_conversion_and_drop_off()
    {
        // Four prospects register in March. 1 and 2 join a lead group (Fan) after 2 and 4 days; 1 buys a trial class
        // (Customer) 6 days after joining; 3 buys a membership outright on day 10 (passing Fan and Customer); 4 does nothing.
        var events = Ordered(
            Registered(1, At(3, 1)),
            Registered(2, At(3, 1)),
            Registered(3, At(3, 2)),
            Registered(4, At(3, 3)),
            Moved(1, LifecycleStage.Prospect, LifecycleStage.Fan, At(3, 3)),
            Moved(2, LifecycleStage.Prospect, LifecycleStage.Fan, At(3, 5)),
            Moved(1, LifecycleStage.Fan, LifecycleStage.Customer, At(3, 9), LifecycleTrigger.MadeFirstPurchase),
            Moved(3, LifecycleStage.Prospect, LifecycleStage.Member, At(3, 12), LifecycleTrigger.BoughtMembership, LifecycleStage.Fan, LifecycleStage.Customer));

        var funnel = new CommunityMetrics().Funnel(events, March);

        Assert.Equal([4L, 3, 2, 1, 0], funnel.Steps.Select(s => s.Entered));
        Assert.Equal([0L, 1, 1, 1, 1], funnel.Steps.Select(s => s.DropOff));
        Assert.Null(funnel.Steps[0].StepConversion);
        Assert.Equal(Rate.FromPercent(75), funnel.Steps[1].StepConversion);
        Assert.Equal(Rate.Of(2, 3), funnel.Steps[2].StepConversion);
        Assert.Equal(Rate.FromPercent(50), funnel.Steps[3].StepConversion);
        Assert.Equal(Rate.Zero, funnel.Steps[4].StepConversion);
        Assert.Equal(Rate.FromPercent(25), funnel.Steps[3].OverallConversion);
        Assert.Equal(Rate.Zero, funnel.OverallConversion);

        // Prospect → Fan took 2, 4 and 10 days: median 4. Fan → Customer took 6 and 0 days (passed): median 3.
        Assert.Equal(TimeSpan.FromDays(4), funnel.Steps[1].MedianTimeFromPrevious);
        Assert.Equal(TimeSpan.FromDays(3), funnel.Steps[2].MedianTimeFromPrevious);
        Assert.Equal(TimeSpan.FromDays(9), funnel.Steps[2].MedianTimeFromStart);
        Assert.Equal(TimeSpan.FromDays(10), funnel.Steps[3].MedianTimeFromStart);
        Assert.Null(funnel.Steps[4].MedianTimeFromPrevious);
        Assert.Null(funnel.Steps[0].MedianTimeFromPrevious);
    }

    [Fact]
    public void Conversions_after_the_window_do_not_count_but_conversions_after_the_period_within_it_do()
    {
        var events = Ordered(
            Registered(1, At(3, 31)),
            Registered(2, At(3, 1)),
            Moved(1, LifecycleStage.Prospect, LifecycleStage.Fan, At(4, 10)),
            Moved(2, LifecycleStage.Prospect, LifecycleStage.Fan, At(4, 10)));

        var funnel = new CommunityMetrics(new MetricsOptions { ConversionWindowDays = 30 }).Funnel(events, March);

        Assert.Equal(2, funnel.Steps[0].Entered);
        Assert.Equal(1, funnel.Steps[1].Entered);
        Assert.Equal(TimeSpan.FromDays(30), funnel.ConversionWindow);
    }

    [Fact]
    public void Members_who_entered_before_the_period_or_skipped_the_first_stage_are_not_in_it()
    {
        var events = Ordered(
            Registered(1, At(2, 27)),
            Registered(2, At(3, 2), LifecycleStage.Customer),
            Moved(1, LifecycleStage.Prospect, LifecycleStage.Fan, At(3, 3)),
            Registered(3, At(4, 1)));

        var funnel = new CommunityMetrics().Funnel(events, March);

        Assert.All(funnel.Steps, s => Assert.Equal(0, s.Entered));
        Assert.Null(funnel.OverallConversion);
    }

    [Fact]
    public void The_day_of_an_event_is_the_day_in_the_configured_time_zone()
    {
        // 2026-02-28 20:00 UTC is 1 March 04:00 in Shanghai, still February in London.
        var events = Ordered(Registered(1, new DateTimeOffset(2026, 2, 28, 20, 0, 0, TimeSpan.Zero)));

        Assert.Equal(1, new CommunityMetrics().Funnel(events, March).Steps[0].Entered);
        Assert.Equal(0, new CommunityMetrics(new MetricsOptions { TimeZone = "Europe/London" }).Funnel(events, March).Steps[0].Entered);
    }

    [Fact]
    public void A_custom_funnel_starts_at_its_first_stage()
    {
        var options = new MetricsOptions { FunnelStages = [LifecycleStage.Fan, LifecycleStage.Member] };
        var events = Ordered(
            Registered(1, At(3, 1)),
            Moved(1, LifecycleStage.Prospect, LifecycleStage.Fan, At(3, 2)),
            Moved(1, LifecycleStage.Fan, LifecycleStage.Customer, At(3, 3), LifecycleTrigger.MadeFirstPurchase),
            Moved(1, LifecycleStage.Customer, LifecycleStage.Member, At(3, 4), LifecycleTrigger.BoughtMembership));

        var funnel = new CommunityMetrics(options).Funnel(events, March);

        Assert.Equal([LifecycleStage.Fan, LifecycleStage.Member], funnel.Steps.Select(s => s.Stage));
        // Customer is not a step of this funnel, so Fan → Member is the next step even though the member passed through Customer.
        Assert.Equal([1L, 1], funnel.Steps.Select(s => s.Entered));
        Assert.Equal(TimeSpan.FromDays(2), funnel.Steps[1].MedianTimeFromPrevious);
    }
}
