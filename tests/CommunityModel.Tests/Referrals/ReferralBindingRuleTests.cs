using CommunityModel.Memberships;
using CommunityModel.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Referrals;

public class ReferralBindingRuleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private ReferralNetwork Network(ReferralOptions options, params long[] members)
    {
        var network = new ReferralNetwork(options, _clock);
        foreach (var m in members)
        {
            network.Register(m);
        }

        return network;
    }

    private PromoterRightsGranted Granted(long member) => new(member, "VIP", Rate.Zero, _clock.GetUtcNow());

    [Fact]
    public void Only_members_with_promoter_rights_may_sponsor_when_promoters_are_designated()
    {
        var network = Network(new ReferralOptions { Sponsors = SponsorEligibility.DesignatedPromoters }, 1, 2, 3);

        var refused = network.TryBind(3, 1);
        network.Apply(Granted(1));
        var bound = network.TryBind(3, 1);
        network.Apply(new PromoterRightsRevoked(1, "The membership was refunded.", _clock.GetUtcNow()));
        var afterRevoke = Assert.Throws<ReferralException>(() => network.Register(4, 1));

        Assert.Equal(ErrorCodes.ReferralSponsorNotPromoter, Assert.Single(refused.Refusals).Code);
        Assert.Contains("member 1 holds no promoter rights", refused.Refusals[0].Message, StringComparison.Ordinal);
        Assert.True(bound.Succeeded);
        Assert.Equal(ErrorCodes.ReferralSponsorNotPromoter, afterRevoke.ErrorCode);
        Assert.False(network.Contains(4));
        Assert.False(network.IsPromoter(1));
        Assert.Equal(new MemberId(2), network.Reassign(3, 2, "administrative move").Sponsor); // an administrator is not bound by the rule
    }

    [Fact]
    public void Every_member_may_sponsor_by_default_and_promoter_rights_replay_with_the_network()
    {
        var network = Network(new ReferralOptions(), 1, 2);
        var events = new List<IDomainEvent> { new MemberRegistered(1, default, _clock.GetUtcNow()), Granted(2), new MemberRegistered(2, default, _clock.GetUtcNow()) };

        var replayed = ReferralNetwork.Replay(events, new ReferralOptions { Sponsors = SponsorEligibility.DesignatedPromoters }, _clock);

        Assert.True(network.TryBind(2, 1).Succeeded);
        Assert.True(replayed.IsPromoter(2));
        Assert.True(replayed.TryBind(1, 2).Succeeded);
    }

    [Fact]
    public void An_expired_binding_lets_a_new_referral_bind_the_member_even_after_its_first_order()
    {
        var network = Network(new ReferralOptions { BindingValidity = TimeSpan.FromDays(30) }, 1, 2, 3);
        network.Bind(3, 1);
        network.RecordCommissionableOrder(3);
        _clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));

        var held = network.TryBind(3, 2);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var rebound = network.Bind(3, 2);
        var renewed = network.TryBind(3, 1);

        Assert.Equal([ErrorCodes.ReferralAlreadyBound, ErrorCodes.ReferralLocked], held.Refusals.Select(r => r.Code));
        Assert.Equal(new SponsorBound(3, 2, 1, _clock.GetUtcNow()), rebound);
        Assert.Equal([ErrorCodes.ReferralAlreadyBound, ErrorCodes.ReferralLocked], renewed.Refusals.Select(r => r.Code)); // a new term
        Assert.Equal(new MemberId(2), network.SponsorOf(3));
    }

    [Fact]
    public void Without_a_validity_a_binding_holds_for_good()
    {
        var network = Network(new ReferralOptions(), 1, 2, 3);
        network.Bind(3, 1);
        _clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(ErrorCodes.ReferralAlreadyBound, Assert.Single(network.TryBind(3, 2).Refusals).Code);
    }

    [Fact]
    public void A_binding_term_counts_from_the_registration_or_reassignment_that_made_it()
    {
        var network = Network(new ReferralOptions { Mode = ReferralBindingMode.LatestReferralOverrides, BindingValidity = TimeSpan.FromDays(7) }, 1, 2);
        network.Register(3, 1);
        network.RecordCommissionableOrder(3);
        _clock.Advance(TimeSpan.FromDays(6));
        network.Reassign(3, 2, "correction");
        _clock.Advance(TimeSpan.FromDays(6));

        Assert.Equal(ErrorCodes.ReferralLocked, Assert.Single(network.TryBind(3, 1).Refusals).Code);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.True(network.TryBind(3, 1).Succeeded);
    }

    [Theory]
    [InlineData(ReferralBindingMode.FirstReferralAnyTime, 0, SponsorEligibility.AnyMember, "BindingValidity is 00:00:00; it must be positive, or unset for a binding that never expires.")]
    [InlineData(ReferralBindingMode.LatestReferralOverrides, -1, SponsorEligibility.AnyMember, "BindingValidity is -1.00:00:00; it must be positive, or unset for a binding that never expires.")]
    [InlineData(ReferralBindingMode.AtRegistrationOnly, 30, SponsorEligibility.AnyMember, "BindingValidity is 30.00:00:00, but Mode AtRegistrationOnly closes binding for good once the registration window has passed; unset BindingValidity or choose another mode.")]
    [InlineData(ReferralBindingMode.FirstReferralAnyTime, 30, (SponsorEligibility)7, "Sponsors '7' is not a sponsor eligibility; use AnyMember or DesignatedPromoters.")]
    public void Binding_rules_are_checked_at_start_up_naming_the_setting(ReferralBindingMode mode, int validityDays, SponsorEligibility sponsors, string failure)
    {
        using var provider = new ServiceCollection()
            .AddReferrals(o => (o.Mode, o.BindingValidity, o.Sponsors) = (mode, TimeSpan.FromDays(validityDays), sponsors))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReferralOptions>>().Value);

        Assert.Equal([failure], error.Failures);
    }
}
