using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Onboarding;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Errors;

/// <summary>Every part's refusal names the argument that was wrong, where there is one.</summary>
public class RefusalFieldTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Membership_refusals_name_the_tier_the_price_the_reason_the_product_and_the_key()
    {
        var desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);
        var vip = desk.Consume(desk.Purchase(1, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "k").Membership;

        var unknownTier = desk.TryUpgrade(vip, "gold");
        var cheaper = desk.TryUpgrade(desk.Purchase(2, SeedBusiness.Ka).Membership, SeedBusiness.Vip);
        var price = Assert.Throws<MembershipRefusedException>(() => desk.Purchase(3, SeedBusiness.Vip, price: Money.Cny(-1m)));
        var reason = Assert.Throws<MembershipRefusedException>(() => desk.Purchase(3, SeedBusiness.Vip, price: Money.Cny(100m)));
        var product = desk.TryConsume(vip, SeedBusiness.PrivateBoard, "k2");
        var key = desk.TryConsume(vip, SeedBusiness.OnlineCourses, "k");

        Assert.Equal(("tierId", ErrorCodes.UnknownMembershipTier), Only(unknownTier.Refusals));
        Assert.Equal(("tierId", ErrorCodes.NotAnUpgrade), Only(cheaper.Refusals));
        Assert.Equal(("price", ErrorCodes.InvalidPayment), Only(price.Refusals));
        Assert.Equal(("priceReason", ErrorCodes.PriceReasonRequired), Only(reason.Refusals));
        Assert.Equal(("productId", ErrorCodes.NotEntitled), Only(product.Refusals));
        Assert.Equal(("idempotencyKey", ErrorCodes.IdempotencyKeyConflict), Only(key.Refusals));
        Assert.Equal<Refusal>(key.Refusals, Assert.Throws<MembershipRefusedException>(() => key.GetValueOrThrow()).Refusals);
    }

    [Fact]
    public void Referral_refusals_name_the_member_or_the_sponsor()
    {
        var network = new ReferralNetwork(new ReferralOptions(), _clock);
        network.Register(1);
        network.Register(2, 1);

        var unknown = network.TryBind(8, 9);
        var self = network.TryBind(1, 1);
        var cycle = network.TryBind(1, 2);
        var reason = Assert.Throws<ReferralException>(() => network.Reassign(2, default, " "));

        Assert.Equal([("member", ErrorCodes.ReferralUnknownMember), ("sponsor", ErrorCodes.ReferralUnknownSponsor)], unknown.Refusals.Select(r => (r.Field, r.Code)));
        Assert.Equal(("sponsor", ErrorCodes.ReferralSelfBinding), Only(self.Refusals));
        Assert.Equal(("sponsor", ErrorCodes.ReferralCycle), Only(cycle.Refusals));
        Assert.Equal(("reason", ErrorCodes.ReferralReasonRequired), Only(reason.Refusals));
        Assert.Equal("member", Assert.Single(Assert.Throws<ReferralException>(() => network.SponsorOf(8)).Refusals).Field);
        Assert.Equal<Refusal>(unknown.Refusals, Assert.Throws<ReferralException>(() => unknown.GetValueOrThrow()).Refusals);
    }

    [Fact]
    public void Value_chain_refusals_name_the_trigger_or_each_unmet_guard_with_its_own_code()
    {
        var chain = new ValueChain(new ValueChainOptions { MinimumPartnerReferrals = 5 }, _clock);
        var member = chain.Fire(chain.Start(1).State, LifecycleTrigger.BoughtMembership).State;

        var notPermitted = chain.TryFire(member, LifecycleTrigger.Registered);
        var partner = chain.TryFire(member, LifecycleTrigger.QualifiedAsPartner, facts: new LifecycleFacts(SuccessfulReferrals: 4));
        var refund = chain.TryFire(member, LifecycleTrigger.MembershipRefunded);

        Assert.Equal(("trigger", ErrorCodes.LifecycleTriggerNotPermitted), Only(notPermitted.Refusals));
        Assert.Equal(
            [(null, ErrorCodes.LifecycleGuardsUnmet), ("facts", "partner.ka_or_partner_package"), ("facts", "partner.minimum_referrals")],
            partner.Refusals.Select(r => (r.Field, r.Code)));
        Assert.Equal("has at least 5 successful referrals", partner.Refusals[2].Message);
        Assert.Equal([(null, ErrorCodes.LifecycleGuardsUnmet), ("reason", "reason.given")], refund.Refusals.Select(r => (r.Field, r.Code)));
        var error = Assert.Throws<LifecycleTransitionRefusedException>(() => partner.GetValueOrThrow());
        Assert.Equal<Refusal>(partner.Refusals, error.Refusals);
        Assert.Equal(ErrorCodes.LifecycleGuardsUnmet, error.ErrorCode);
        Assert.Equal<LifecycleGuard>(chain.GuardsOf(LifecycleStage.Member, LifecycleTrigger.QualifiedAsPartner), error.UnmetGuards);
    }

    [Fact]
    public void Onboarding_refusals_name_the_trigger_or_the_input()
    {
        var process = new OnboardingProcess(new OnboardingOptions(), _clock);
        var state = process.Fire(process.Start(1).State, OnboardingTrigger.SalesAccountAdded).State;

        var skipped = process.TryFire(state, OnboardingTrigger.BigGroupJoined);
        var staff = process.TryFire(state, OnboardingTrigger.ServiceGroupCreated, new(StaffRoles.Sales));

        Assert.Equal(("trigger", ErrorCodes.LifecycleTriggerNotPermitted), Only(skipped.Refusals));
        Assert.Equal([(null, ErrorCodes.LifecycleGuardsUnmet), ("input", "onboarding.service_group_roles")], staff.Refusals.Select(r => (r.Field, r.Code)));
    }

    private static (string? Field, string Code) Only(IEnumerable<Refusal> refusals)
    {
        var refusal = Assert.Single(refusals);
        return (refusal.Field, refusal.Code);
    }
}
