using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

public class PromoterRightsTests
{
    private static readonly MemberId Alice = 1024;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly MembershipDesk _desk;

    public PromoterRightsTests() => _desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);

    [Fact]
    public void Promoter_rights_do_not_lapse_when_the_gift_pack_term_ends()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.GiftPackTier).Membership;
        At(2027, 3, 2);

        var refreshed = _desk.Refresh(m);

        Assert.Equal(MembershipStatus.Expired, refreshed.Membership.Status);
        Assert.True(refreshed.Membership.IsPromoter);
        Assert.Equal(Rate.FromPercent(10m), refreshed.Membership.ShoppingDiscount);
        Assert.DoesNotContain(refreshed.Events, e => e is PromoterRightsRevoked);
    }

    [Fact]
    public void An_active_vip_buys_the_399_gift_pack_and_becomes_a_member_promoter_keeping_the_vip_term()
    {
        var vip = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 5, 1);

        var change = _desk.BuyPromoterRights(vip, SeedBusiness.GiftPackTier);

        Assert.Equal(new PromoterRightsGranted(Alice, SeedBusiness.GiftPackTier, Rate.FromPercent(10m), _clock.GetUtcNow(), Money.Cny(399m)), change.Events.Single());
        var m = change.Membership;
        Assert.Equal((SeedBusiness.Vip, true, Money.Cny(3999m)), (m.TierId, m.IsPromoter, m.TotalPaid));
        Assert.Equal(vip.PaidThrough, m.PaidThrough);
    }

    [Fact]
    public void Buying_rights_from_a_tier_without_them_or_twice_is_refused()
    {
        var vip = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        var promoter = _desk.BuyPromoterRights(vip, SeedBusiness.GiftPackTier).Membership;

        Assert.Equal(ErrorCodes.PromoterRightsConflict, Assert.Throws<MembershipRefusedException>(() => _desk.BuyPromoterRights(vip, SeedBusiness.Ka)).ErrorCode);
        Assert.Equal(ErrorCodes.PromoterRightsConflict, Assert.Throws<MembershipRefusedException>(() => _desk.BuyPromoterRights(promoter, SeedBusiness.GiftPackTier)).ErrorCode);
        Assert.Equal(ErrorCodes.PriceReasonRequired, Assert.Throws<MembershipRefusedException>(() => _desk.BuyPromoterRights(vip, SeedBusiness.GiftPackTier, Money.Cny(0m))).ErrorCode);
    }

    [Fact]
    public void Revoking_promoter_rights_ends_them_with_an_event_and_keeps_the_membership()
    {
        var m = _desk.BuyPromoterRights(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.GiftPackTier).Membership;

        var revoked = _desk.RevokePromoterRights(m, "sold below the agreed price");

        Assert.Equal(new PromoterRightsRevoked(Alice, "sold below the agreed price", _clock.GetUtcNow()), revoked.Events.Single());
        Assert.Equal((false, Rate.Zero, MembershipStatus.Active), (revoked.Membership.IsPromoter, revoked.Membership.ShoppingDiscount, revoked.Membership.Status));
        Assert.Equal(ErrorCodes.PromoterRightsConflict, Assert.Throws<MembershipRefusedException>(() => _desk.RevokePromoterRights(revoked.Membership, "again")).ErrorCode);
    }

    [Fact]
    public void A_refund_ends_promoter_rights_with_an_event_and_inside_cooling_off_returns_the_gift_pack_too()
    {
        var m = _desk.BuyPromoterRights(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.GiftPackTier).Membership;
        At(2026, 3, 4);

        var refunded = _desk.Refund(m);

        Assert.Contains(new PromoterRightsRevoked(Alice, "The membership was refunded.", _clock.GetUtcNow()), refunded.Events);
        Assert.False(refunded.Membership.IsPromoter);
        Assert.Equal(Money.Cny(3999m), refunded.Membership.TotalRefunded);
        Assert.Equal(refunded.Membership.TotalPaid, refunded.Membership.TotalRefunded);
    }

    [Fact]
    public void A_promoter_renewing_the_tier_that_gave_the_rights_is_not_granted_them_again()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.GiftPackTier).Membership;
        At(2027, 2, 1);

        var renewed = _desk.Renew(m);

        Assert.DoesNotContain(renewed.Events, e => e is PromoterRightsGranted);
        Assert.Equal((true, Rate.FromPercent(10m)), (renewed.Membership.IsPromoter, renewed.Membership.ShoppingDiscount));
    }

    [Fact]
    public void A_promoter_upgrading_to_a_tier_with_a_larger_discount_is_granted_it()
    {
        var plan = new MembershipPlanBuilder()
            .AddTier("starter", "Starter promoter", Money.Cny(399m), t => t.Entitle(SeedBusiness.GiftPack, 1).GrantingPromotionRights(Rate.FromPercent(5m)))
            .AddTier("partner", "Partner promoter", Money.Cny(3600m), t => t.Entitle(SeedBusiness.OnlineCourses).GrantingPromotionRights(Rate.FromPercent(20m)))
            .Build(SeedBusiness.CreateCatalog());
        var desk = new MembershipDesk(plan, _clock);
        var starter = desk.Purchase(Alice, "starter").Membership;

        var upgraded = desk.Upgrade(starter, "partner");

        Assert.Equal(new PromoterRightsGranted(Alice, "partner", Rate.FromPercent(20m), _clock.GetUtcNow()), upgraded.Events[^1]);
        Assert.Equal(Rate.FromPercent(20m), upgraded.Membership.ShoppingDiscount);
    }

    private void At(int year, int month, int day) =>
        _clock.SetUtcNow(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8)));
}
