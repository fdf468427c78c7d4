using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

/// <summary>Every refusal of the membership desk names the field that was wrong and says why with the values involved.</summary>
public class MembershipDeskRefusalTests
{
    private static readonly MemberId Alice = 1024;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly MembershipDesk _desk;
    private readonly Membership _vip;

    public MembershipDeskRefusalTests()
    {
        _desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);
        _vip = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
    }

    private static Refusal Refused(Func<object> operation) => Assert.Throws<MembershipRefusedException>(operation).Refusals[0];

    private static void Says(Refusal refusal, string field, params string[] fragments)
    {
        Assert.Equal(field, refusal.Field);
        Assert.All(fragments, f => Assert.Contains(f, refusal.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_purchase_over_another_members_or_an_active_membership_names_the_previous_membership()
    {
        Says(Refused(() => _desk.Purchase(2048, SeedBusiness.Vip, _vip)), "previous", "member 1024's, not 2048's");
        Says(Refused(() => _desk.Purchase(Alice, SeedBusiness.Ka, _vip)), "previous", "already a vip member through 2027-03-01");
    }

    [Fact]
    public void A_price_outside_the_tier_and_a_price_without_a_reason_name_the_price_fields()
    {
        Says(Refused(() => _desk.Purchase(2048, SeedBusiness.Vip, price: Money.Cny(5000m), priceReason: "gift")), "price", "tier 'vip'", "at most");
        Assert.Equal("priceReason", Refused(() => _desk.Purchase(2048, SeedBusiness.Vip, price: Money.Cny(100m))).Field);
    }

    [Fact]
    public void Renewing_a_refunded_membership_says_to_purchase_anew()
    {
        var refunded = _desk.Refund(_vip).Membership;

        Says(Refused(() => _desk.Renew(refunded)), "membership", "was refunded", "purchase a new one");
    }

    [Fact]
    public void Consuming_names_the_key_or_the_product_that_was_wrong()
    {
        var used = _desk.Consume(_vip, SeedBusiness.OfflineCourse, "k-1").Membership;

        Says(_desk.TryConsume(used, SeedBusiness.OnlineCourses, "k-1").Refusals[0], "idempotencyKey", "'k-1'", "'offline-2d1n', not 'online-courses'");
        Says(_desk.TryConsume(used, SeedBusiness.PrivateBoard, "k-2").Refusals[0], "productId", "no entitlement to 'private-board' on 2026-03-01");
        Says(_desk.TryConsume(used, SeedBusiness.OfflineCourse, "k-3").Refusals[0], "productId", "used up the quota of 'offline-2d1n'");
    }

    [Fact]
    public void Suspension_refusals_name_the_membership()
    {
        var suspended = _desk.Suspend(_vip, "review").Membership;

        Says(Refused(() => _desk.Suspend(suspended, "again")), "membership", "already suspended");
        Says(Refused(() => _desk.Reinstate(_vip, "none")), "membership", "is not suspended");
        Says(_desk.TryConsume(suspended, SeedBusiness.OfflineCourse, "k-1").Refusals[0], "membership", "is suspended; reinstate the member first");
    }

    [Fact]
    public void Promoter_rights_refusals_name_the_tier_or_the_membership()
    {
        var promoter = _desk.BuyPromoterRights(_vip, SeedBusiness.GiftPackTier).Membership;

        Says(Refused(() => _desk.BuyPromoterRights(_vip, SeedBusiness.Ka)), "tierId", "Tier 'ka' grants no promoter rights");
        Says(Refused(() => _desk.BuyPromoterRights(promoter, SeedBusiness.GiftPackTier)), "membership", "already holds promoter rights");
        Says(Refused(() => _desk.RevokePromoterRights(_vip, "none")), "membership", "holds no promoter rights");
    }

    [Fact]
    public void Moves_to_an_unknown_or_cheaper_tier_name_the_tier()
    {
        Says(_desk.TryUpgrade(_vip, "gold").Refusals[0], "tierId", "no tier 'gold'");
        Says(_desk.TryUpgrade(_vip, SeedBusiness.GiftPackTier).Refusals[0], "tierId", "is not dearer than 'vip'");
    }

    [Fact]
    public void An_operation_on_a_membership_that_is_not_active_says_its_status_and_the_date()
    {
        var refunded = _desk.Refund(_vip).Membership;

        var refusal = _desk.TryConsume(refunded, SeedBusiness.OfflineCourse, "k-1").Refusals[0];

        Says(refusal, "membership", "membership is refunded on 2026-03-01");
    }

    [Fact]
    public void A_downgrade_or_promoter_rights_on_a_membership_that_is_not_active_are_refused_with_its_status()
    {
        var refunded = _desk.Refund(_vip).Membership;

        Says(Refused(() => _desk.Downgrade(refunded, SeedBusiness.GiftPackTier)), "membership", "Member 1024's membership is refunded on 2026-03-01.");
        Says(Refused(() => _desk.BuyPromoterRights(refunded, SeedBusiness.GiftPackTier)), "membership", "Member 1024's membership is refunded on 2026-03-01.");
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.Renew(null!)).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.QuoteUpgrade(null!, SeedBusiness.Ka)).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.TryUpgrade(null!, SeedBusiness.Ka)).ParamName);
        Assert.Equal("tierId", Assert.Throws<ArgumentNullException>(() => _desk.TryUpgrade(_vip, null!)).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.Downgrade(null!, SeedBusiness.Vip)).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.QuoteRefund(null!)).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.Refund(null!)).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.TryConsume(null!, SeedBusiness.OfflineCourse, "k")).ParamName);
        Assert.Equal("productId", Assert.Throws<ArgumentNullException>(() => _desk.TryConsume(_vip, null!, "k")).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.BuyPromoterRights(null!, SeedBusiness.GiftPackTier)).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.Refresh(null!)).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.Suspend(null!, "review")).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.Reinstate(null!, "cleared")).ParamName);
        Assert.Equal("membership", Assert.Throws<ArgumentNullException>(() => _desk.RevokePromoterRights(null!, "rules broken")).ParamName);
    }
}
