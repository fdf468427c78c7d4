using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

public class MembershipPriceReasonTests
{
    private static readonly MemberId Alice = 1024;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly MembershipDesk _desk;

    public MembershipPriceReasonTests() => _desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);

    [Fact]
    public void A_ka_for_zero_without_a_reason_is_refused_naming_the_price_reason()
    {
        var error = Assert.Throws<MembershipRefusedException>(() => _desk.Purchase(Alice, SeedBusiness.Ka, price: Money.Cny(0m)));

        var refusal = Assert.Single(error.Refusals);
        Assert.Equal(ErrorCodes.PriceReasonRequired, refusal.Code);
        Assert.Contains("priceReason", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_below_the_tier_with_a_blank_reason_is_refused_on_purchase_and_renewal()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;

        Assert.Equal(ErrorCodes.PriceReasonRequired, Assert.Throws<MembershipRefusedException>(() => _desk.Purchase(2048, SeedBusiness.Vip, price: Money.Cny(3599.99m), priceReason: " ")).ErrorCode);
        Assert.Equal(ErrorCodes.PriceReasonRequired, Assert.Throws<MembershipRefusedException>(() => _desk.Renew(m, Money.Cny(1800m))).ErrorCode);
    }

    [Fact]
    public void A_complimentary_ka_with_a_reason_is_sold_and_the_reason_is_on_the_event()
    {
        var change = _desk.Purchase(Alice, SeedBusiness.Ka, price: Money.Cny(0m), priceReason: "complimentary: conference speaker");

        var purchased = change.Events.OfType<MembershipPurchased>().Single();
        Assert.Equal((Money.Cny(0m), "complimentary: conference speaker"), (purchased.Paid, purchased.PriceReason));
        Assert.Equal(Money.Cny(0m), change.Membership.TotalPaid);
    }

    [Fact]
    public void A_discounted_renewal_carries_its_reason_and_the_tier_price_needs_none()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        _clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.FromHours(8)));

        var renewed = _desk.Renew(m, Money.Cny(3000m), "loyalty discount: second year");

        Assert.Equal("loyalty discount: second year", renewed.Events.OfType<MembershipRenewed>().Single().PriceReason);
        Assert.Null(_desk.Purchase(2048, SeedBusiness.Vip, price: Money.Cny(3600m)).Events.OfType<MembershipPurchased>().Single().PriceReason);
    }
}
