using CommunityModel.Lifecycle;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Lifecycle;

/// <summary>Worked scenarios of the value chain, from the seeds' community (trial class, VIP 3,600, KA, partners).</summary>
public class ValueChainTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Day0);
    private readonly ValueChain _chain;

    public ValueChainTests() => _chain = new ValueChain(new ValueChainOptions { MinimumPartnerReferrals = 3 }, _time);

    [Fact]
    public void A_prospect_climbs_the_whole_chain_and_each_stage_keeps_its_entry_time()
    {
        var state = _chain.Start(1024).State;
        _time.Advance(TimeSpan.FromDays(1));
        state = _chain.Fire(state, LifecycleTrigger.JoinedLeadGroup).State;      // 加入引流群
        _time.Advance(TimeSpan.FromDays(6));
        state = _chain.Fire(state, LifecycleTrigger.MadeFirstPurchase).State;    // the 9.9-yuan trial class
        _time.Advance(TimeSpan.FromDays(23));
        state = _chain.Fire(state, LifecycleTrigger.BoughtMembership).State;     // VIP, 3,600 a year
        _time.Advance(TimeSpan.FromDays(60));
        var partner = _chain.Fire(state, LifecycleTrigger.QualifiedAsPartner, facts: new LifecycleFacts(SuccessfulReferrals: 3, HoldsActiveKa: true));

        Assert.Equal(LifecycleStage.Partner, partner.State.Stage);
        Assert.Equal(5, partner.State.Version);
        Assert.Equal(Day0, partner.State.FirstEnteredAt(LifecycleStage.Prospect));
        Assert.Equal(Day0.AddDays(1), partner.State.FirstEnteredAt(LifecycleStage.Fan));
        Assert.Equal(Day0.AddDays(7), partner.State.FirstEnteredAt(LifecycleStage.Customer));
        Assert.Equal(Day0.AddDays(30), partner.State.FirstEnteredAt(LifecycleStage.Member));
        Assert.Equal(Day0.AddDays(90), partner.State.StageEnteredAt);
        Assert.Null(partner.State.FirstEnteredAt(LifecycleStage.Lapsed));
        Assert.Equal(new MemberTransitioned(1024, LifecycleStage.Member, LifecycleStage.Partner, LifecycleTrigger.QualifiedAsPartner, null, Day0.AddDays(90), 5, []), partner.Event);
    }

    [Fact]
    public void A_prospect_who_buys_a_membership_outright_skips_to_member_and_the_event_names_the_stages_passed()
    {
        var start = _chain.Start(7).State;

        var member = _chain.Fire(start, LifecycleTrigger.BoughtMembership);

        Assert.Equal(LifecycleStage.Member, member.State.Stage);
        Assert.Equal<LifecycleStage>([LifecycleStage.Fan, LifecycleStage.Customer], member.Event.Passed);
        Assert.Equal(Day0, member.State.FirstEnteredAt(LifecycleStage.Fan));
        Assert.Equal(Day0, member.State.FirstEnteredAt(LifecycleStage.Customer));
        Assert.Equal<LifecycleStage>([LifecycleStage.Fan, LifecycleStage.Customer, LifecycleStage.Member], _chain.Fire(start, LifecycleTrigger.BoughtPartnerPackage).Event.Passed);
        Assert.Empty(_chain.Fire(start, LifecycleTrigger.JoinedLeadGroup).Event.Passed);
    }

    [Fact]
    public void A_gift_pack_of_399_makes_a_fan_a_member_passing_customer()
    {
        var fan = _chain.Fire(_chain.Start(9).State, LifecycleTrigger.Followed).State;

        var member = _chain.Fire(fan, LifecycleTrigger.BoughtGiftPack);

        Assert.Equal(LifecycleStage.Member, member.State.Stage);
        Assert.Equal<LifecycleStage>([LifecycleStage.Customer], member.Event.Passed);
    }

    [Fact]
    public void Expiry_lapses_a_member_and_renewal_brings_them_back_while_a_renewal_in_time_keeps_the_stage_entry()
    {
        var member = _chain.Fire(_chain.Start(1).State, LifecycleTrigger.BoughtMembership).State;
        _time.Advance(TimeSpan.FromDays(300));
        var renewedEarly = _chain.Fire(member, LifecycleTrigger.MembershipRenewed);
        Assert.Equal(LifecycleStage.Member, renewedEarly.State.Stage);
        Assert.Equal(Day0, renewedEarly.State.StageEnteredAt);
        Assert.Equal(LifecycleStage.Member, renewedEarly.Event.From);

        _time.Advance(TimeSpan.FromDays(430));
        var lapsed = _chain.Fire(renewedEarly.State, LifecycleTrigger.MembershipExpired, "VIP ended 2028-03-01");
        _time.Advance(TimeSpan.FromDays(10));
        var back = _chain.Fire(lapsed.State, LifecycleTrigger.MembershipRenewed);

        Assert.Equal("reason.given", Assert.Single(_chain.TryFire(renewedEarly.State, LifecycleTrigger.MembershipExpired).UnmetGuards()).Code);
        Assert.Equal(LifecycleStage.Lapsed, lapsed.State.Stage);
        Assert.Equal("VIP ended 2028-03-01", lapsed.Event.Reason);
        Assert.Equal(LifecycleStage.Member, back.State.Stage);
        Assert.Equal(Day0.AddDays(740), back.State.StageEnteredAt);
        Assert.Equal(Day0, back.State.FirstEnteredAt(LifecycleStage.Member));
    }

    [Fact]
    public void A_refund_sends_a_member_back_to_customer_with_its_reason()
    {
        var member = _chain.Fire(_chain.Start(1).State, LifecycleTrigger.BoughtMembership).State;

        var refunded = _chain.Fire(member, LifecycleTrigger.MembershipRefunded, "refund within 7 days");

        Assert.Equal(LifecycleStage.Customer, refunded.State.Stage);
        Assert.Equal("refund within 7 days", refunded.Event.Reason);
    }

    [Fact]
    public void Suspension_for_breaking_group_rules_returns_to_the_stage_it_was_suspended_from()
    {
        var partner = _chain.Fire(_chain.Start(1).State, LifecycleTrigger.BoughtPartnerPackage).State;

        var suspended = _chain.Fire(partner, LifecycleTrigger.Suspended, "posted ads in the big group");
        var reinstated = _chain.Fire(suspended.State, LifecycleTrigger.Reinstated);

        Assert.Equal(LifecycleStage.Suspended, suspended.State.Stage);
        Assert.Equal(LifecycleStage.Partner, suspended.State.SuspendedFrom);
        Assert.Equal(LifecycleStage.Partner, reinstated.State.Stage);
        Assert.Null(reinstated.State.SuspendedFrom);
        Assert.Equal(LifecycleStage.Partner, reinstated.Event.To);
    }

    [Fact]
    public void Partnership_ended_demotes_to_member_and_removal_is_terminal()
    {
        var partner = _chain.Fire(_chain.Start(1).State, LifecycleTrigger.BoughtPartnerPackage).State;

        var member = _chain.Fire(partner, LifecycleTrigger.PartnershipEnded, "did not renew the distributor agreement").State;
        var removed = _chain.Fire(member, LifecycleTrigger.Removed, "fraudulent orders").State;

        Assert.Equal(LifecycleStage.Member, member.Stage);
        Assert.Equal(LifecycleStage.Removed, removed.Stage);
        Assert.Empty(_chain.PermittedTriggers(removed));
        Assert.Empty(_chain.PermittedTriggers(LifecycleStage.Removed));
    }

    [Fact]
    public void A_fan_goes_dormant_only_after_the_configured_days_without_activity_and_can_be_reactivated()
    {
        var fan = _chain.Fire(_chain.Start(1).State, LifecycleTrigger.JoinedLeadGroup).State;
        var facts = new LifecycleFacts(LastActiveAt: Day0.AddDays(10));
        _time.Advance(TimeSpan.FromDays(99));

        var tooEarly = _chain.TryFire(fan, LifecycleTrigger.WentDormant, facts: facts);
        _time.Advance(TimeSpan.FromDays(1));
        var dormant = _chain.Fire(fan, LifecycleTrigger.WentDormant, facts: facts).State;
        var back = _chain.Fire(dormant, LifecycleTrigger.Reactivated).State;

        Assert.False(tooEarly.Succeeded);
        Assert.Equal("fan.inactive_long_enough", Assert.Single(tooEarly.UnmetGuards()).Code);
        Assert.Equal("has been inactive for at least 90 days", tooEarly.UnmetGuards()[0].Description.English);
        Assert.Equal("至少90天未活跃", tooEarly.UnmetGuards()[0].Description.Chinese);
        Assert.Equal(LifecycleStage.Dormant, dormant.Stage);
        Assert.Equal(LifecycleStage.Fan, back.Stage);
    }

    [Fact]
    public void TryFire_names_every_unmet_partner_guard_with_the_configured_threshold()
    {
        var chain = new ValueChain(new ValueChainOptions { MinimumPartnerReferrals = 5 }, _time);
        var member = chain.Fire(chain.Start(1).State, LifecycleTrigger.BoughtMembership).State;

        var attempt = chain.TryFire(member, LifecycleTrigger.QualifiedAsPartner, facts: new LifecycleFacts(SuccessfulReferrals: 4));

        Assert.False(attempt.Succeeded);
        Assert.True(attempt.IsPermittedFromStage());
        Assert.Equal(["partner.ka_or_partner_package", "partner.minimum_referrals"], attempt.UnmetGuards().Select(g => g.Code));
        Assert.Equal("has at least 5 successful referrals", attempt.UnmetGuards()[1].Description.English);
        Assert.Throws<InvalidOperationException>(() => attempt.Value);
        Assert.EndsWith(
            "QualifiedAsPartner was refused; unmet guards: holds an active KA membership or the partner package; has at least 5 successful referrals.",
            Assert.Throws<LifecycleTransitionRefusedException>(() => chain.Fire(member, LifecycleTrigger.QualifiedAsPartner, facts: new LifecycleFacts(SuccessfulReferrals: 4))).Message,
            StringComparison.Ordinal);
        Assert.True(chain.TryFire(member, LifecycleTrigger.QualifiedAsPartner, facts: new LifecycleFacts(5, HoldsPartnerPackage: true)).Succeeded);
    }

    [Fact]
    public void Options_can_switch_partner_guards_off()
    {
        var chain = new ValueChain(new ValueChainOptions { MinimumPartnerReferrals = 0, PartnerRequiresKaOrPartnerPackage = false }, _time);
        var member = chain.Fire(chain.Start(1).State, LifecycleTrigger.BoughtMembership).State;

        Assert.Empty(chain.GuardsOf(LifecycleStage.Member, LifecycleTrigger.QualifiedAsPartner));
        Assert.Equal(LifecycleStage.Partner, chain.Fire(member, LifecycleTrigger.QualifiedAsPartner).State.Stage);
    }

    [Fact]
    public void Fire_throws_a_typed_error_naming_stage_trigger_and_unmet_guards_and_leaves_the_state_alone()
    {
        var member = _chain.Fire(_chain.Start(42).State, LifecycleTrigger.BoughtMembership).State;

        var error = Assert.Throws<LifecycleTransitionRefusedException>(() => _chain.Fire(member, LifecycleTrigger.MembershipRefunded, "  "));

        Assert.Equal(ErrorCodes.LifecycleGuardsUnmet, error.ErrorCode);
        Assert.Equal(LifecycleStage.Member, error.Stage);
        Assert.Equal(LifecycleTrigger.MembershipRefunded, error.Trigger);
        Assert.Equal((MemberId)42, error.Member);
        Assert.Equal("reason.given", Assert.Single(error.UnmetGuards).Code);
        Assert.Contains("Member 42 is Member", error.Message, StringComparison.Ordinal);
        Assert.Contains("MembershipRefunded was refused; unmet guards: a reason is given.", error.Message, StringComparison.Ordinal);
        Assert.Equal(LifecycleStage.Member, member.Stage);
        Assert.Equal(2, member.Version);
    }

    [Fact]
    public void A_trigger_the_stage_does_not_have_is_refused_naming_the_permitted_ones()
    {
        var prospect = _chain.Start(3).State;

        var attempt = _chain.TryFire(prospect, LifecycleTrigger.MembershipExpired);
        var error = Assert.Throws<LifecycleTransitionRefusedException>(() => _chain.Fire(prospect, LifecycleTrigger.MembershipExpired));

        Assert.False(attempt.Succeeded);
        Assert.False(attempt.IsPermittedFromStage());
        Assert.Empty(attempt.UnmetGuards());
        Assert.Equal(ErrorCodes.LifecycleTriggerNotPermitted, error.ErrorCode);
        Assert.Contains("MembershipExpired is not permitted from Prospect (permitted: JoinedLeadGroup, Followed, TookLeadProduct, MadeFirstPurchase, BoughtMembership, BoughtGiftPack, BoughtPartnerPackage, Removed)", error.Message, StringComparison.Ordinal);
        Assert.False(_chain.TryFire(prospect, LifecycleTrigger.Registered).IsPermittedFromStage());
        Assert.Empty(default(Attempt<Transition<LifecycleState, MemberTransitioned>>).Refusals);
        Assert.False(_chain.TryFire(prospect, (LifecycleTrigger)99).IsPermittedFromStage());
    }

    [Fact]
    public void Permitted_triggers_evaluate_fact_guards_but_not_the_reason()
    {
        var member = _chain.Fire(_chain.Start(1).State, LifecycleTrigger.BoughtMembership).State;

        var withoutReferrals = _chain.PermittedTriggers(member);
        var qualified = _chain.PermittedTriggers(member, new LifecycleFacts(3, HoldsActiveKa: true));

        Assert.DoesNotContain(LifecycleTrigger.QualifiedAsPartner, withoutReferrals);
        Assert.Contains(LifecycleTrigger.MembershipRefunded, withoutReferrals);
        Assert.Contains(LifecycleTrigger.QualifiedAsPartner, qualified);
        Assert.Equal<LifecycleTrigger>(_chain.PermittedTriggers(LifecycleStage.Member), qualified);
    }

    [Fact]
    public void Start_records_the_registration_and_rejects_what_cannot_start()
    {
        var start = _chain.Start(5, LifecycleStage.Member);

        Assert.Equal(new MemberTransitioned(5, LifecycleStage.Member, LifecycleStage.Member, LifecycleTrigger.Registered, null, Day0, 1, []), start.Event);
        Assert.Equal(1, start.State.Version);
        Assert.Equal(ErrorCodes.LifecycleInvalidState, Assert.Throws<InvalidLifecycleStateException>(() => _chain.Start(5, LifecycleStage.Suspended)).ErrorCode);
        Assert.Contains("not in Lapsed", Assert.Throws<InvalidLifecycleStateException>(() => _chain.Start(5, LifecycleStage.Lapsed)).Message, StringComparison.Ordinal);
        Assert.Contains("member id is empty", Assert.Throws<InvalidLifecycleStateException>(() => _chain.Start(default)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => _chain.TryFire(null!, LifecycleTrigger.Followed));
    }

    [Fact]
    public void Invalid_options_fail_with_every_bad_value_named()
    {
        var options = new ValueChainOptions { MinimumPartnerReferrals = -1, DormantAfterDays = 0 };

        var result = new ValueChainOptionsValidator().Validate(null, options);
        var error = Assert.Throws<OptionsValidationException>(() => new ValueChain(options, _time));

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains("MinimumPartnerReferrals is -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("DormantAfterDays is 0", error.Message, StringComparison.Ordinal);
        Assert.True(new ValueChainOptionsValidator().Validate(null, new ValueChainOptions()).Succeeded);
        Assert.Throws<ArgumentNullException>(() => new ValueChain(new ValueChainOptions(), null!));
    }

    [Fact]
    public void Display_names_come_from_resources_in_english_and_chinese_for_every_stage_and_trigger()
    {
        Assert.Equal(new LocalizedName("Prospect", "潜在客户"), ValueChain.DisplayName(LifecycleStage.Prospect));
        Assert.Equal(new LocalizedName("Partner", "合伙人"), ValueChain.DisplayName(LifecycleStage.Partner));
        Assert.Equal("购买会员 Bought a membership", ValueChain.DisplayName(LifecycleTrigger.BoughtMembership).ToString());
        Assert.All(Enum.GetValues<LifecycleStage>(), s => Assert.NotEqual(ValueChain.DisplayName(s).English, ValueChain.DisplayName(s).Chinese));
        Assert.All(Enum.GetValues<LifecycleTrigger>(), t => Assert.NotEqual(ValueChain.DisplayName(t).English, ValueChain.DisplayName(t).Chinese));
    }
}
