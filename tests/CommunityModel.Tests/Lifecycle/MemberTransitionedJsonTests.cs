using System.Text.Json;
using CommunityModel.Lifecycle;
using CommunityModel.Onboarding;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Lifecycle;

/// <summary>Integrators store the events; a JSON round trip must give back equal events that replay to the same state.</summary>
public class MemberTransitionedJsonTests
{
    [Fact]
    public void Events_round_trip_through_System_Text_Json_and_replay_to_the_same_state()
    {
        var chain = new ValueChain(new ValueChainOptions(), new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        var start = chain.Start(314);
        var member = chain.Fire(start.State, LifecycleTrigger.BoughtMembership);
        var suspended = chain.Fire(member.State, LifecycleTrigger.Suspended, "广告刷屏");
        MemberTransitioned[] events = [start.Event, member.Event, suspended.Event];

        var json = JsonSerializer.Serialize(events);
        var back = JsonSerializer.Deserialize<MemberTransitioned[]>(json)!;

        Assert.Equal<MemberTransitioned>(events, back);
        Assert.Equal(suspended.State, chain.Replay(back));
    }

    [Fact]
    public void Onboarding_events_round_trip_too()
    {
        var process = new OnboardingProcess(new OnboardingOptions(), new FakeTimeProvider());
        var start = process.Start(2);
        var sales = process.Fire(start.State, OnboardingTrigger.SalesAccountAdded);
        var group = process.Fire(sales.State, OnboardingTrigger.ServiceGroupCreated, new(StaffRoles.All));
        OnboardingStepCompleted[] events = [start.Event, sales.Event, group.Event];

        var back = JsonSerializer.Deserialize<OnboardingStepCompleted[]>(JsonSerializer.Serialize(events))!;

        Assert.Equal<OnboardingStepCompleted>(events, back);
        Assert.Equal(group.State, process.Replay(back));
    }
}
