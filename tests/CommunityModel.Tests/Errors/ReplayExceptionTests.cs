using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Onboarding;
using CommunityModel.Referrals;
using CommunityModel.Tests.Community;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Errors;

/// <summary>Every replay path throws the one <see cref="ReplayException"/>, with its part's code and the offending event's position.</summary>
public class ReplayExceptionTests
{
    private readonly FakeTimeProvider _clock = new(TestCommunity.Start);

    [Fact]
    public void The_value_chain_names_the_position_of_the_event_that_does_not_fit()
    {
        var chain = new ValueChain(new ValueChainOptions(), _clock);
        var start = chain.Start(7);
        var bought = chain.Fire(start.State, LifecycleTrigger.BoughtMembership);
        MemberTransitioned[] events = [start.Event, bought.Event, bought.Event];

        var error = Assert.Throws<ReplayException>(() => chain.Replay(events));

        Assert.Equal((ErrorCodes.LifecycleReplayMismatch, 2), (error.ErrorCode, error.Index));
        Assert.Same(events[2], error.Event);
        Assert.Equal("version 2 follows version 2 (expected 3) (replaying member 7)", error.Problem);
        Assert.Equal($"Event 2 (MemberTransitioned) does not fit: {error.Problem}.", error.Message);
    }

    [Fact]
    public void Onboarding_names_the_position_of_the_event_that_does_not_fit()
    {
        var process = new OnboardingProcess(new OnboardingOptions(), _clock);
        var start = process.Start(5);
        var sales = process.Fire(start.State, OnboardingTrigger.SalesAccountAdded);

        var error = Assert.Throws<ReplayException>(() => process.Replay([start.Event, sales.Event, sales.Event]));

        Assert.Equal((ErrorCodes.LifecycleReplayMismatch, 2), (error.ErrorCode, error.Index));
        Assert.Same(sales.Event, error.Event);
    }

    [Fact]
    public void A_membership_names_the_position_of_the_event_that_does_not_fit()
    {
        var desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);
        var purchase = desk.Purchase(1, SeedBusiness.Vip);
        var used = desk.Consume(purchase.Membership, SeedBusiness.OfflineCourse, "k").Events.Single();
        IMembershipEvent[] events = [.. purchase.Events, used, used];

        var replayed = Assert.Throws<ReplayException>(() => Membership.Replay(events));
        var reused = Assert.Throws<ReplayException>(() => new MembershipReplayer().Replay(events));
        var applied = Assert.Throws<ReplayException>(() => Membership.Replay(events[..^1]).Apply(used));
        var empty = Assert.Throws<ReplayException>(() => Membership.Replay([]));

        Assert.Equal((ErrorCodes.EventOutOfOrder, events.Length - 1), (replayed.ErrorCode, replayed.Index));
        Assert.Same(used, replayed.Event);
        Assert.Contains("goes beyond its quota of 1", replayed.Problem, StringComparison.Ordinal);
        Assert.Equal((replayed.ErrorCode, replayed.Index, replayed.Message), (reused.ErrorCode, reused.Index, reused.Message));
        Assert.Equal((ErrorCodes.EventOutOfOrder, 0), (applied.ErrorCode, applied.Index));
        Assert.Equal((ErrorCodes.EventOutOfOrder, 0, (IDomainEvent?)null), (empty.ErrorCode, empty.Index, empty.Event));
    }

    [Fact]
    public void The_referral_network_names_the_position_of_the_event_that_does_not_fit()
    {
        var at = _clock.GetUtcNow();
        IDomainEvent[] events = [new MemberRegistered(1, default, at), new MemberRegistered(2, 1, at), new MemberRegistered(1, default, at)];

        var error = Assert.Throws<ReplayException>(() => ReferralNetwork.Replay(events, new ReferralOptions(), _clock));

        Assert.Equal((ErrorCodes.ReferralReplayMismatch, 2), (error.ErrorCode, error.Index));
        Assert.Same(events[2], error.Event);
    }

    [Fact]
    public void The_community_names_the_position_in_its_stream_with_its_own_code_or_the_parts()
    {
        var community = TestCommunity.Create(_clock);
        community.Execute(new RegisterMember(1));
        var events = community.Execute(new PlaceOrder(1, "o1", SeedBusiness.Vip)).Events;
        var registration = TestCommunity.Create(_clock).Execute(new RegisterMember(1)).Events;
        IDomainEvent[] unknownMember = [.. events];
        IDomainEvent[] lifecycleTwice = [.. registration, .. registration];

        var mismatch = Assert.Throws<ReplayException>(() => CommunityModel.Community.Replay(unknownMember, TestCommunity.Create(_clock)));
        var part = Assert.Throws<ReplayException>(() => CommunityModel.Community.Replay(lifecycleTwice, TestCommunity.Create(_clock)));

        Assert.Equal((ErrorCodes.CommunityReplayMismatch, 0), (mismatch.ErrorCode, mismatch.Index));
        Assert.Same(unknownMember[0], mismatch.Event);
        Assert.Equal(registration.Length, part.Index);
        Assert.Same(lifecycleTwice[registration.Length], part.Event);
        var inner = Assert.IsType<ReplayException>(part.InnerException);
        Assert.Equal(inner.ErrorCode, part.ErrorCode);
        Assert.Equal(inner.Problem, part.Problem);
    }

    [Fact]
    public void Applying_to_a_community_counts_the_events_it_applied_before()
    {
        var source = TestCommunity.Create(_clock);
        var registration = source.Execute(new RegisterMember(1)).Events;
        var live = TestCommunity.Create(_clock);
        foreach (var e in registration)
        {
            live.Apply(e);
        }

        var error = Assert.Throws<ReplayException>(() => live.Apply(new ActivityRecorded(9, _clock.GetUtcNow())));

        Assert.Equal((ErrorCodes.CommunityReplayMismatch, registration.Length), (error.ErrorCode, error.Index));
        Assert.Contains("names member 9, who is not registered", error.Problem, StringComparison.Ordinal);
    }
}
