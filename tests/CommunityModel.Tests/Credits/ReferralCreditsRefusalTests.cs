using CommunityModel.Credits;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

/// <summary>Every refusal of the credits ledger says what was wrong: null arguments by name, requests by code, field and a message naming the values.</summary>
public class ReferralCreditsRefusalTests
{
    private readonly FakeTimeProvider _clock = new(CreditsFixture.Start);

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var ledger = CreditsFixture.Ledger(_clock);

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new ReferralCredits(null!, _clock)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new ReferralCredits(CreditsFixture.Options(), null!)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => ReferralCredits.Replay(null!, ledger)).ParamName);
        Assert.Equal("empty", Assert.Throws<ArgumentNullException>(() => ReferralCredits.Replay([], null!)).ParamName);
        Assert.Equal("item", Assert.Throws<ArgumentNullException>(() => ledger.PriceOf(null!)).ParamName);
        Assert.Equal("orderId", Assert.Throws<ArgumentNullException>(() => ledger.TryGetEarning(null!, out _)).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentNullException>(() => ledger.DecideEarning(null!)).ParamName);
        Assert.Equal("creditEvent", Assert.Throws<ArgumentNullException>(() => ledger.Apply(null!)).ParamName);
        Assert.Equal("snapshot", Assert.Throws<ArgumentNullException>(() => ledger.Restore(null!)).ParamName);
    }

    [Fact]
    public void Unusable_options_are_refused_with_every_problem_after_one_heading()
    {
        var error = Assert.Throws<CreditsException>(() => new ReferralCredits(new CreditOptions { PerReferral = -1, ExpireAfterDays = -2 }, _clock));

        Assert.Equal(ErrorCodes.CreditsInvalidOptions, error.ErrorCode);
        Assert.Equal(
            "Credit options are invalid: PerReferral is -1; it must be zero or positive and at most 1000000000000 credits. ExpireAfterDays is -2; it must be zero (never) or a positive number of days.",
            error.Message);
    }

    [Fact]
    public void Options_bound_without_prices_or_bonuses_earn_no_bonus_and_price_nothing()
    {
        var ledger = new ReferralCredits(new CreditOptions { PerReferral = 100, Prices = null!, ItemBonuses = null! }, _clock);

        var earned = Assert.IsType<CreditsEarned>(Assert.Single(ledger.Earn(new ReferredOrder(1, 2, "o-1", "ka", Money.Cny(10m))).Events));
        var unknown = Assert.Throws<CreditsException>(() => ledger.Redeem(1, "x-1", "bootcamp"));

        Assert.Equal((100L, 0L, 0L), (earned.ForReferral, earned.ForPurchase, earned.ForItem));
        Assert.Null(ledger.PriceOf("bootcamp"));
        Assert.Equal((ErrorCodes.CreditsUnknownItem, "Item"), (unknown.ErrorCode, unknown.Field));
        Assert.Equal("'bootcamp' has no credit price; items that can be redeemed: none.", unknown.Message);
        Assert.Equal(100, ledger.Balance(1));
    }

    [Fact]
    public void An_earning_between_one_member_of_an_unpaid_order_or_without_an_id_is_refused_naming_the_values()
    {
        var ledger = CreditsFixture.Ledger(_clock);

        var self = Assert.Throws<CreditsException>(() => ledger.Earn(new ReferredOrder(2, 2, "o-1", "vip", Money.Cny(1m))));
        var unpaid = Assert.Throws<CreditsException>(() => ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(0m))));
        var noId = Assert.Throws<CreditsException>(() => ledger.Earn(new ReferredOrder(1, 2, " ", "vip", Money.Cny(1m))));

        Assert.Equal((ErrorCodes.CreditsInvalidCommand, "Sponsor"), (self.ErrorCode, self.Field));
        Assert.Equal("Order 'o-1' needs a sponsor and a buyer who are two members; sponsor 2, buyer 2 are not.", self.Message);
        Assert.Equal((ErrorCodes.CreditsInvalidCommand, "Paid"), (unpaid.ErrorCode, unpaid.Field));
        Assert.Equal($"Order 'o-1' paid {Money.Cny(0m)}; only a paid order (a positive amount) earns credits.", unpaid.Message);
        Assert.Equal((ErrorCodes.CreditsInvalidCommand, "OrderId", "OrderId is required."), (noId.ErrorCode, noId.Field, noId.Message));
        Assert.Empty(ledger.Accounts);
    }

    [Theory]
    [InlineData(3, 2, "vip", 3600)]
    [InlineData(1, 3, "vip", 3600)]
    [InlineData(1, 2, "ka", 3600)]
    [InlineData(1, 2, "vip", 3000)]
    public void An_order_id_told_again_with_another_sponsor_buyer_item_or_amount_is_a_conflict_naming_what_it_earned(int sponsor, int buyer, string item, int paid)
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m)));

        var error = Assert.Throws<CreditsException>(() => ledger.Earn(new ReferredOrder(sponsor, buyer, "o-1", item, Money.Cny(paid))));

        Assert.Equal((ErrorCodes.CreditsIdConflict, "OrderId"), (error.ErrorCode, error.Field));
        Assert.Equal($"Order 'o-1' already earned credits for sponsor 1: 'vip' paid {Money.Cny(3600m)} by member 2.", error.Message);
        Assert.Equal(460, ledger.Balance(1));
        Assert.Single(ledger.Accounts);
    }

    [Fact]
    public void A_redemption_without_a_member_is_refused_in_words()
    {
        var error = Assert.Throws<CreditsException>(() => CreditsFixture.Ledger(_clock).Redeem(default, "x-1", "bootcamp"));

        Assert.Equal((ErrorCodes.CreditsInvalidCommand, "Member", "A redemption needs the member who redeems."), (error.ErrorCode, error.Field, error.Message));
    }

    [Fact]
    public void A_member_spends_exactly_the_credits_held_and_an_earning_that_exactly_repays_a_debt_leaves_no_empty_lot()
    {
        var ledger = new ReferralCredits(new CreditOptions { PerReferral = 100, Prices = { ["perk"] = 100 } }, _clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(10m)));

        var spent = Assert.IsType<CreditsRedeemed>(Assert.Single(ledger.Redeem(1, "x-1", "perk").Events));
        Assert.Equal((100L, 0L), (spent.Credits, ledger.Balance(1)));

        // The refund takes back the 100 already spent: a debt of 100, which the next referral's 100 repays exactly.
        ledger.Reverse("o-1", "r-1", Money.Cny(10m));
        Assert.Equal((100L, -100L), (ledger.Account(1).Debt, ledger.Balance(1)));
        ledger.Earn(new ReferredOrder(1, 3, "o-2", "vip", Money.Cny(10m)));

        var account = ledger.Account(1);
        Assert.Empty(account.Lots);
        Assert.Equal((0L, 0L, 200L, 100L, 100L), (account.Debt, account.Balance, account.Earned, account.Redeemed, account.Reversed));
    }

    [Fact]
    public void Each_partial_refund_takes_back_what_the_refunded_total_is_due_less_what_earlier_refunds_took()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "bootcamp", Money.Cny(199m))); // 100 + 19 = 119

        var first = Assert.IsType<CreditsReversed>(Assert.Single(ledger.Reverse("o-1", "r-1", Money.Cny(50m)).Events));
        var second = Assert.IsType<CreditsReversed>(Assert.Single(ledger.Reverse("o-1", "r-2", Money.Cny(50m)).Events));

        Assert.Equal(29, first.Credits); // 119 × 50 / 199 = 29.9, rounded down
        Assert.Equal(30, second.Credits); // 119 × 100 / 199 = 59.8 → 59 due in all, 29 of them already taken
        Assert.Equal(119 - 59, ledger.Balance(1));
    }

    [Fact]
    public void A_refund_without_an_order_or_told_again_with_another_amount_or_beyond_the_order_is_refused_naming_the_values()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m)));
        ledger.Reverse("o-1", "r-1", Money.Cny(1000m));

        var noOrder = Assert.Throws<CreditsException>(() => ledger.Reverse(" ", "r-2", Money.Cny(1m)));
        var otherAmount = Assert.Throws<CreditsException>(() => ledger.Reverse("o-1", "r-1", Money.Cny(500m)));
        var beyond = Assert.Throws<CreditsException>(() => ledger.Reverse("o-1", "r-2", Money.Cny(2600.01m)));

        Assert.Equal((ErrorCodes.CreditsInvalidCommand, "OrderId", "OrderId is required."), (noOrder.ErrorCode, noOrder.Field, noOrder.Message));
        Assert.Equal((ErrorCodes.CreditsIdConflict, "RefundId"), (otherAmount.ErrorCode, otherAmount.Field));
        Assert.Equal($"Refund 'r-1' of order 'o-1' is already {Money.Cny(1000m)}, not {Money.Cny(500m)}.", otherAmount.Message);
        Assert.Equal((ErrorCodes.CreditsInvalidCommand, "Refunded"), (beyond.ErrorCode, beyond.Field));
        Assert.Equal($"Refund 'r-2' of {Money.Cny(2600.01m)} must be positive, in CNY and at most the {Money.Cny(2600m)} left of order 'o-1'.", beyond.Message);
        Assert.Equal(460 - 127, ledger.Balance(1));
    }
}
