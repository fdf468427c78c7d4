using CommunityModel.Credits;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

/// <summary>An order earns the sum of its three parts (referral, purchase, item bonus), whichever parts are zero.</summary>
public class CreditEarningSumTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_first_order_earns_the_referral_and_the_purchase_credits_when_they_are_equal_and_no_item_bonus_applies()
    {
        var credits = new ReferralCredits(new CreditOptions { PerReferral = 50, PerPurchase = 50 }, new FakeTimeProvider(Start));

        var earned = Assert.IsType<CreditsEarned>(Assert.Single(credits.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(10m))).Events));

        Assert.Equal((50L, 50L, 0L), (earned.ForReferral, earned.ForPurchase, earned.ForItem));
    }

    [Fact]
    public void A_later_order_earns_the_purchase_and_the_item_bonus_when_they_are_equal_and_the_referral_was_rewarded()
    {
        var credits = new ReferralCredits(new CreditOptions { PerReferral = 100, PerPurchase = 30, ItemBonuses = { ["ka"] = 30 } }, new FakeTimeProvider(Start));
        credits.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(10m)));

        var earned = Assert.IsType<CreditsEarned>(Assert.Single(credits.Earn(new ReferredOrder(1, 2, "o-2", "ka", Money.Cny(10m))).Events));

        Assert.Equal((0L, 30L, 30L), (earned.ForReferral, earned.ForPurchase, earned.ForItem));
    }

    [Fact]
    public void Credits_without_an_expiry_setting_never_expire()
    {
        var credits = new ReferralCredits(new CreditOptions { PerReferral = 100 }, new FakeTimeProvider(Start));

        var earned = Assert.IsType<CreditsEarned>(Assert.Single(credits.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(10m))).Events));

        Assert.Null(earned.ExpiresAt);
    }
}
