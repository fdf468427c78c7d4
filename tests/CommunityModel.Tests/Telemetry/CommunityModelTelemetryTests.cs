using CommunityModel.Lifecycle;
using CommunityModel.Simulation;
using CommunityModel.Telemetry;

namespace CommunityModel.Tests.Telemetry;

[Collection(nameof(TelemetryCollection))]
public class CommunityModelTelemetryTests
{
    [Fact]
    public void Lifecycle_transitions_and_refusals_are_counted_by_trigger_and_stage()
    {
        using var recorder = new TelemetryRecorder(CommunityModelTelemetry.Name);
        var chain = new ValueChain(new ValueChainOptions(), TimeProvider.System);

        var fan = chain.Fire(chain.Start(1).State, LifecycleTrigger.JoinedLeadGroup);
        chain.Fire(fan.State, LifecycleTrigger.MadeFirstPurchase);
        var refused = chain.TryFire(fan.State, LifecycleTrigger.QualifiedAsPartner);

        Assert.False(refused.Succeeded);
        Assert.Equal(1, recorder.Sum("communitymodel.lifecycle.transitions", ("communitymodel.lifecycle.trigger", "JoinedLeadGroup"), ("communitymodel.lifecycle.from", "prospect"), ("communitymodel.lifecycle.to", "fan")));
        Assert.Equal(1, recorder.Sum("communitymodel.lifecycle.transitions", ("communitymodel.lifecycle.trigger", "MadeFirstPurchase"), ("communitymodel.lifecycle.from", "fan"), ("communitymodel.lifecycle.to", "customer")));
        Assert.Equal(1, recorder.Sum("communitymodel.lifecycle.refusals", ("communitymodel.lifecycle.trigger", "QualifiedAsPartner"), ("communitymodel.lifecycle.from", "fan")));
        Assert.All(recorder.Of("communitymodel.lifecycle.transitions"), m => Assert.Equal("{transition}", m.Unit));
    }

    [Fact]
    public void A_community_replay_reports_its_events_duration_and_activity()
    {
        var live = new SeedCommunityFactory().Create(TimeProvider.System);
        var events = new List<IDomainEvent>();
        events.AddRange(live.Execute(new RegisterMember(1)).Events);
        events.AddRange(live.Execute(new RegisterMember(2, Sponsor: 1)).Events);
        events.AddRange(live.Execute(new PlaceOrder(2, "o-1", "vip")).Events);
        using var recorder = new TelemetryRecorder(CommunityModelTelemetry.Name);

        var replayed = CommunityModel.Community.Replay(events, new SeedCommunityFactory().Create(TimeProvider.System));

        Assert.Equal(LifecycleStage.Member, replayed.Member(2).Lifecycle.Stage);
        Assert.Equal(events.Count, recorder.Sum("communitymodel.replay.events", ("communitymodel.replay.model", "community")));
        Assert.Single(recorder.Of("communitymodel.replay.duration", ("communitymodel.replay.model", "community")), m => m.Unit == "s" && m.Value > 0);
        var activity = Assert.Single(recorder.Activities, a => a.OperationName == "Community.Replay");
        Assert.Equal(events.Count, (long)activity.GetTagItem("communitymodel.replay.events")!);

        // Replaying is not firing: the replayed transitions are not counted again.
        Assert.Empty(recorder.Of("communitymodel.lifecycle.transitions"));
    }
}
