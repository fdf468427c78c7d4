using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Referrals;

public class ReferralNetworkTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private ReferralNetwork Network(ReferralBindingMode mode, params long[] members)
    {
        var network = new ReferralNetwork(new ReferralOptions { Mode = mode, RegistrationWindow = TimeSpan.FromHours(24) }, _clock);
        foreach (var m in members)
        {
            network.Register(m);
        }

        return network;
    }

    [Fact]
    public void First_referral_mode_binds_a_member_without_a_sponsor_once_and_keeps_the_first_sponsor()
    {
        var network = Network(ReferralBindingMode.FirstReferralAnyTime, 1, 2, 3);
        _clock.Advance(TimeSpan.FromDays(30));

        var bound = network.Bind(3, 1);
        var again = network.TryBind(3, 2);

        Assert.Equal(new SponsorBound(3, 1, default, _clock.GetUtcNow()), bound);
        Assert.False(again.Succeeded);
        Assert.Equal(ErrorCodes.ReferralAlreadyBound, Assert.Single(again.Refusals).Code);
        Assert.Equal(new MemberId(1), network.SponsorOf(3));
    }

    [Fact]
    public void Registration_mode_binds_only_within_the_window_after_registering()
    {
        var network = Network(ReferralBindingMode.AtRegistrationOnly, 1, 2, 3);
        _clock.Advance(TimeSpan.FromHours(23));
        network.Bind(2, 1);
        _clock.Advance(TimeSpan.FromHours(2));

        var late = Assert.Throws<ReferralException>(() => network.Bind(3, 1));

        Assert.Equal(ErrorCodes.ReferralWindowClosed, late.ErrorCode);
        Assert.Equal(new MemberId(3), late.Member);
        Assert.True(network.SponsorOf(3).IsEmpty);
    }

    [Fact]
    public void Override_mode_lets_each_new_referral_replace_the_sponsor_until_the_first_commissionable_order()
    {
        var network = Network(ReferralBindingMode.LatestReferralOverrides, 1, 2, 3);
        network.Bind(3, 1);
        var overridden = network.Bind(3, 2);
        var locked = network.RecordCommissionableOrder(3);
        var refused = network.TryBind(3, 1);

        Assert.Equal(new MemberId(1), overridden.PreviousSponsor);
        Assert.NotNull(locked);
        Assert.Null(network.RecordCommissionableOrder(3));
        Assert.Equal(ErrorCodes.ReferralLocked, Assert.Single(refused.Refusals).Code);
        Assert.Equal(new MemberId(2), network.SponsorOf(3));
    }

    [Fact]
    public void An_administrative_reassignment_moves_a_locked_member_and_records_the_reason()
    {
        var network = Network(ReferralBindingMode.FirstReferralAnyTime, 1, 2, 3);
        network.Bind(3, 1);
        network.RecordCommissionableOrder(3);

        var moved = network.Reassign(3, 2, "sponsor left the company");

        Assert.Equal(new SponsorReassigned(3, 2, 1, "sponsor left the company", _clock.GetUtcNow()), moved);
        Assert.Equal(new MemberId(2), network.SponsorOf(3));
        Assert.Equal(ErrorCodes.ReferralReasonRequired, Assert.Throws<ReferralException>(() => network.Reassign(3, 1, " ")).ErrorCode);
    }

    [Fact]
    public void Binding_to_oneself_is_rejected()
    {
        var network = Network(ReferralBindingMode.LatestReferralOverrides, 1);

        Assert.Equal(ErrorCodes.ReferralSelfBinding, Assert.Throws<ReferralException>(() => network.Bind(1, 1)).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralSelfBinding, Assert.Throws<ReferralException>(() => network.Register(2, 2)).ErrorCode);
    }

    [Fact]
    public void A_cycle_of_any_length_is_rejected_and_changes_nothing()
    {
        var network = Network(ReferralBindingMode.LatestReferralOverrides, 1);
        for (long m = 2; m <= 10; m++)
        {
            network.Register(m, m - 1);
        }

        var cycle = Assert.Throws<ReferralException>(() => network.Bind(1, 10));
        var administrative = Assert.Throws<ReferralException>(() => network.Reassign(1, 5, "merge"));

        Assert.Equal(ErrorCodes.ReferralCycle, cycle.ErrorCode);
        Assert.Equal(ErrorCodes.ReferralCycle, administrative.ErrorCode);
        Assert.True(network.SponsorOf(1).IsEmpty);
    }

    [Fact]
    public void Unknown_members_and_sponsors_are_named_in_every_refusal()
    {
        var network = Network(ReferralBindingMode.FirstReferralAnyTime, 1);

        var result = network.TryBind(8, 9);

        Assert.Equal([ErrorCodes.ReferralUnknownMember, ErrorCodes.ReferralUnknownSponsor], result.Refusals.Select(r => r.Code));
        Assert.Contains("9", result.Refusals[1].Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, Assert.Throws<ReferralException>(() => network.SponsorOf(8)).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralUnknownSponsor, Assert.Throws<ReferralException>(() => network.Register(2, 9)).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralDuplicateMember, Assert.Throws<ReferralException>(() => network.Register(1)).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, Assert.Throws<ReferralException>(() => network.Register(default)).ErrorCode);
    }

    [Fact]
    public void Replaying_the_events_rebuilds_the_same_network()
    {
        var network = Network(ReferralBindingMode.LatestReferralOverrides);
        var events = new List<IDomainEvent> { network.Register(1), network.Register(2, 1), network.Register(3) };
        events.Add(network.Bind(3, 2));
        events.Add(network.RecordCommissionableOrder(3)!);
        events.Add(network.Reassign(3, 1, "correction"));

        var replayed = ReferralNetwork.Replay(events, new ReferralOptions { Mode = ReferralBindingMode.LatestReferralOverrides }, _clock);

        Assert.Equal<ReferralLink>(network.Snapshot().ToLinks(), replayed.Snapshot().ToLinks());
        Assert.Equal(ErrorCodes.ReferralLocked, replayed.TryBind(3, 2).Refusals.Single().Code);
        Assert.Equal(3, replayed.Count);
        Assert.True(replayed.Contains(2));
    }

    [Fact]
    public void An_unknown_sponsor_has_its_own_code_so_a_caller_can_tell_it_from_an_unknown_member()
    {
        var network = Network(ReferralBindingMode.LatestReferralOverrides, 1, 2);

        var unknownSponsor = Assert.Throws<ReferralException>(() => network.Bind(2, 9));
        var unknownMember = Assert.Throws<ReferralException>(() => network.Bind(8, 1));
        var noSponsor = network.TryBind(2, default);
        var reassignToUnknown = Assert.Throws<ReferralException>(() => network.Reassign(2, 9, "typo"));

        Assert.Equal(ErrorCodes.ReferralUnknownSponsor, unknownSponsor.ErrorCode);
        Assert.Equal("The sponsor 9 is not registered in the referral network.", unknownSponsor.Message);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, unknownMember.ErrorCode);
        Assert.Equal(ErrorCodes.ReferralUnknownSponsor, Assert.Single(noSponsor.Refusals).Code);
        Assert.Equal(ErrorCodes.ReferralUnknownSponsor, reassignToUnknown.ErrorCode);
        Assert.True(network.SponsorOf(2).IsEmpty);
    }

    [Fact]
    public void Repeating_a_decision_never_returns_an_event_to_store_twice()
    {
        var network = Network(ReferralBindingMode.FirstReferralAnyTime);
        var events = new List<IDomainEvent> { network.Register(1), network.Register(2) };
        events.Add(network.Bind(2, 1));
        events.Add(network.RecordCommissionableOrder(2)!);

        Assert.Equal(ErrorCodes.ReferralDuplicateMember, Assert.Throws<ReferralException>(() => network.Register(2)).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralAlreadyBound, Assert.Single(network.TryBind(2, 1).Refusals).Code);
        Assert.Null(network.RecordCommissionableOrder(2));

        var replayed = ReferralNetwork.Replay(events, new ReferralOptions(), _clock);
        Assert.Equal<ReferralLink>(network.Snapshot().ToLinks(), replayed.Snapshot().ToLinks());
    }

    public static TheoryData<string, int, string> BadStreams => new()
    {
        { "member registered twice", 2, "member 2 is already registered" },
        { "registration under an unknown sponsor", 1, "sponsor 9 of member 2 is not registered" },
        { "registration as its own sponsor", 0, "member 1 is its own sponsor" },
        { "binding of an unknown member", 1, "member 8 is not registered" },
        { "binding to an unknown sponsor", 2, "sponsor 9 of member 2 is not registered" },
        { "binding that closes a cycle", 2, "binding member 1 to 2 makes a cycle" },
        { "re-assignment of an unknown member", 1, "member 8 is not registered" },
        { "lock of an unknown member", 1, "member 8 is not registered" },
    };

    [Theory]
    [MemberData(nameof(BadStreams))]
    public void Replay_rejects_a_stream_that_does_not_fit_naming_the_event_and_the_problem(string stream, int index, string problem)
    {
        var at = _clock.GetUtcNow();
        IDomainEvent[] events = stream switch
        {
            "member registered twice" => [new MemberRegistered(1, default, at), new MemberRegistered(2, default, at), new MemberRegistered(2, default, at)],
            "registration under an unknown sponsor" => [new MemberRegistered(1, default, at), new MemberRegistered(2, 9, at)],
            "registration as its own sponsor" => [new MemberRegistered(1, 1, at)],
            "binding of an unknown member" => [new MemberRegistered(1, default, at), new SponsorBound(8, 1, default, at)],
            "binding to an unknown sponsor" => [new MemberRegistered(1, default, at), new MemberRegistered(2, default, at), new SponsorBound(2, 9, default, at)],
            "binding that closes a cycle" => [new MemberRegistered(1, default, at), new MemberRegistered(2, 1, at), new SponsorBound(1, 2, default, at)],
            "re-assignment of an unknown member" => [new MemberRegistered(1, default, at), new SponsorReassigned(8, 1, default, "x", at)],
            _ => [new MemberRegistered(1, default, at), new ReferralLocked(8, at)],
        };

        var error = Assert.Throws<ReplayException>(() => ReferralNetwork.Replay(events, new ReferralOptions(), _clock));

        Assert.Equal(ErrorCodes.ReferralReplayMismatch, error.ErrorCode);
        Assert.Equal(index, error.Index);
        Assert.Same(events[index], error.Event);
        Assert.Equal(problem, error.Problem);
        Assert.Equal($"Event {index} ({events[index].GetType().Name}) does not fit: {problem}.", error.Message);
    }

    [Fact]
    public void A_snapshot_is_taken_again_only_after_the_network_changed()
    {
        var network = Network(ReferralBindingMode.FirstReferralAnyTime, 1, 2);
        var first = network.Snapshot();

        Assert.Same(first, network.Snapshot());
        Assert.False(network.TryBind(1, 1).Succeeded); // refused: nothing changed
        Assert.Same(first, network.Snapshot());

        network.Bind(2, 1);
        var bound = network.Snapshot();
        Assert.NotSame(first, bound);
        Assert.Equal(new MemberId(1), bound.MemberAt(bound.ParentAt(bound.IndexOf(2))));
        Assert.Equal(-1, first.ParentAt(first.IndexOf(2))); // the earlier snapshot is frozen

        network.Register(3, 2);
        Assert.Equal(3, network.Snapshot().Count);
        Assert.Equal(2, bound.Count);
    }

    [Fact]
    public void Applying_an_event_that_does_not_fit_leaves_a_live_network_as_it_was()
    {
        var network = Network(ReferralBindingMode.LatestReferralOverrides);
        var registered = network.Register(1);
        network.Register(2, 1);
        var before = network.Snapshot().ToLinks();

        var twice = Assert.Throws<ReplayException>(() => network.Apply(registered));
        var cycle = Assert.Throws<ReplayException>(() => network.Apply(new SponsorReassigned(1, 2, default, "x", _clock.GetUtcNow())));

        Assert.Equal((2, 2), (twice.Index, cycle.Index)); // two registrations were applied before each
        Assert.Equal<ReferralLink>(before, network.Snapshot().ToLinks());
        network.Apply(new ActivityMarker(_clock.GetUtcNow())); // not a referral event: ignored
        Assert.Equal(2, network.Count);
    }

    private sealed record ActivityMarker(DateTimeOffset OccurredAt) : IDomainEvent;
}
