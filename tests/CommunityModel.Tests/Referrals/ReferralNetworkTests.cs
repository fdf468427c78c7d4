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

        Assert.Equal([ErrorCodes.ReferralUnknownMember, ErrorCodes.ReferralUnknownMember], result.Refusals.Select(r => r.Code));
        Assert.Contains("9", result.Refusals[1].Reason, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, Assert.Throws<ReferralException>(() => network.SponsorOf(8)).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, Assert.Throws<ReferralException>(() => network.Register(2, 9)).ErrorCode);
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
}
