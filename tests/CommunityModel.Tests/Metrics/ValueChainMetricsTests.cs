using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Metrics;

/// <summary>The metrics read the events the lifecycle really emits, skipped stages included.</summary>
public class ValueChainMetricsTests
{
    [Fact]
    public void The_funnel_and_churn_follow_the_events_of_the_value_chain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var chain = new ValueChain(new ValueChainOptions(), clock);
        var events = new List<IDomainEvent>();
        LifecycleState Record(Transition<LifecycleState, MemberTransitioned> transition)
        {
            events.Add(transition.Event);
            return transition.State;
        }

        var ann = Record(chain.Start(1));
        var bo = Record(chain.Start(2));
        var cai = Record(chain.Start(3));
        clock.Advance(TimeSpan.FromDays(1));
        ann = Record(chain.Fire(ann, LifecycleTrigger.JoinedLeadGroup));
        bo = Record(chain.Fire(bo, LifecycleTrigger.BoughtMembership)); // a prospect buying a membership outright
        clock.Advance(TimeSpan.FromDays(2));
        ann = Record(chain.Fire(ann, LifecycleTrigger.MadeFirstPurchase));
        clock.Advance(TimeSpan.FromDays(30));
        Record(chain.Fire(bo, LifecycleTrigger.MembershipExpired, "term ended without renewal"));
        Assert.Equal(LifecycleStage.Prospect, cai.Stage);

        var metrics = new CommunityMetrics();
        var funnel = metrics.Funnel(events, MetricsPeriod.Month(2026, 3));
        var april = metrics.Aarrr(events, MetricsPeriod.Month(2026, 4));

        Assert.Equal([3L, 2, 2, 1, 0], funnel.Steps.Select(s => s.Entered));
        Assert.Equal(TimeSpan.FromDays(1), funnel.Steps[1].MedianTimeFromPrevious);
        Assert.Equal(1, april.PayingAtStart);
        Assert.Equal(1, april.Churned);
        Assert.Equal(Rate.One, april.Churn);
    }
}
