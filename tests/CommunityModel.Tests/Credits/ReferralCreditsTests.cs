using CommunityModel.Credits;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

public class ReferralCreditsTests
{
    private readonly FakeTimeProvider _clock = new(CreditsFixture.Start);

    /// <summary>The worked example of docs/credits.md, step by step.</summary>
    [Fact]
    public void The_worked_example_earns_spends_oldest_first_reverses_into_debt_repays_and_expires()
    {
        var ledger = CreditsFixture.Ledger(_clock);

        // Two referred members pay: VIP ¥3600 earns 100 + 360; KA ¥120000 earns 100 + 12000 + 5000.
        var vip = Assert.IsType<CreditsEarned>(Assert.Single(ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m))).Events));
        Assert.Equal((100L, 360L, 0L, 460L), (vip.ForReferral, vip.ForPurchase, vip.ForItem, vip.Credits));
        Assert.Equal(CreditsFixture.Start.AddDays(365), vip.ExpiresAt);
        var ka = Assert.IsType<CreditsEarned>(Assert.Single(ledger.Earn(new ReferredOrder(1, 3, "o-2", "ka", Money.Cny(120000m))).Events));
        Assert.Equal(17100, ka.Credits);

        // The VIP member buys again: no second referral credits, 10% of ¥199.00 rounded down.
        _clock.Advance(TimeSpan.FromDays(1));
        var again = Assert.IsType<CreditsEarned>(Assert.Single(ledger.Earn(new ReferredOrder(1, 2, "o-3", "bootcamp", Money.Cny(199m))).Events));
        Assert.Equal((0L, 19L, 19L), (again.ForReferral, again.ForPurchase, again.Credits));
        Assert.Equal(17579, ledger.Balance(1));

        // The bootcamp costs 800: the oldest lot (460) goes, then 340 of the KA lot.
        ledger.Redeem(1, "x-1", "bootcamp");
        Assert.Equal([("o-2", 16760L), ("o-3", 19L)], ledger.Account(1).Lots.Select(l => (l.OrderId, l.Remaining)));

        // The KA order is refunded in full: 17100 come back, its own lot first, then the bootcamp lot, and 321 become a debt.
        var reversed = Assert.IsType<CreditsReversed>(Assert.Single(ledger.Reverse("o-2", "r-1", Money.Cny(120000m)).Events));
        Assert.Equal(17100, reversed.Credits);
        var account = ledger.Account(1);
        Assert.Empty(account.Lots);
        Assert.Equal((321L, -321L), (account.Debt, account.Balance));
        Assert.Equal(account.Earned, account.Redeemed + account.Expired + account.Reversed + account.Balance);

        // In debt, nothing can be redeemed; the refusal names the balance.
        var refused = Assert.Throws<InsufficientCreditsException>(() => ledger.Redeem(1, "x-2", "trial-class"));
        Assert.Equal((-321L, 50L, ErrorCodes.CreditsInsufficient), (refused.Balance, refused.Price, refused.ErrorCode));
        Assert.Contains("-321", refused.Message, StringComparison.Ordinal);

        // The next earning pays the debt first: 460 - 321 = 139 form a lot.
        ledger.Earn(new ReferredOrder(1, 4, "o-4", "vip", Money.Cny(3600m)));
        Assert.Equal((0L, 139L), (ledger.Account(1).Debt, ledger.Balance(1)));
        Assert.Equal(("o-4", 139L), (ledger.Account(1).Lots.Single().OrderId, ledger.Account(1).Lots.Single().Remaining));

        // A year later the lot expires.
        _clock.Advance(TimeSpan.FromDays(365));
        var expired = Assert.IsType<CreditsExpired>(Assert.Single(ledger.Expire().Events));
        Assert.Equal(("o-4", 139L), (expired.OrderId, expired.Credits));
        account = ledger.Account(1);
        Assert.Equal((18039L, 800L, 139L, 17100L, 0L), (account.Earned, account.Redeemed, account.Expired, account.Reversed, account.Balance));
    }

    [Fact]
    public void A_partial_refund_takes_back_in_proportion_and_the_rest_of_the_refund_takes_back_the_rest()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "bootcamp", Money.Cny(199m))); // 100 + 19 = 119

        var first = Assert.IsType<CreditsReversed>(Assert.Single(ledger.Reverse("o-1", "r-1", Money.Cny(100m)).Events));
        var second = Assert.IsType<CreditsReversed>(Assert.Single(ledger.Reverse("o-1", "r-2", Money.Cny(99m)).Events));

        Assert.Equal(59, first.Credits); // 119 × 100 / 199 = 59.8, rounded down
        Assert.Equal(60, second.Credits);
        Assert.Equal(0, ledger.Balance(1));
        Assert.True(ledger.TryGetEarning("o-1", out var earning));
        Assert.Equal((119L, Money.Cny(199m)), (earning.Reversed, earning.Refunded));
    }

    [Fact]
    public void Credits_that_already_expired_are_not_taken_back_by_a_later_refund()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m))); // 460
        ledger.Redeem(1, "x-1", "trial-class"); // 50 spent, 410 left
        _clock.Advance(TimeSpan.FromDays(365));
        ledger.Expire();

        var reversed = Assert.IsType<CreditsReversed>(Assert.Single(ledger.Reverse("o-1", "r-1", Money.Cny(3600m)).Events));

        Assert.Equal(50, reversed.Credits); // only what was spent comes back, as a debt
        Assert.Equal(-50, ledger.Balance(1));
    }

    [Fact]
    public void A_redemption_records_due_expiries_first_and_cannot_spend_expired_lots()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m)));
        _clock.Advance(TimeSpan.FromDays(200));
        ledger.Earn(new ReferredOrder(1, 3, "o-2", "bootcamp", Money.Cny(199m))); // 119
        _clock.Advance(TimeSpan.FromDays(165));

        var refused = Assert.Throws<InsufficientCreditsException>(() => ledger.Redeem(1, "x-1", "bootcamp"));
        Assert.Equal(119, refused.Balance);
        Assert.Equal(579, ledger.Balance(1)); // the refusal changed nothing

        var decision = ledger.Redeem(1, "x-2", "trial-class");
        Assert.Collection(
            decision.Events,
            e => Assert.Equal(new CreditsExpired(1, "o-1", 460, _clock.GetUtcNow()), e),
            e => Assert.Equal(new CreditsRedeemed(1, "x-2", "trial-class", 50, _clock.GetUtcNow()), e));
        Assert.Equal(69, ledger.Balance(1));
    }

    [Fact]
    public void The_same_redemption_again_is_a_repeat_and_another_request_under_its_id_is_a_typed_conflict()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m)));
        ledger.Redeem(1, "x-1", "trial-class");

        var repeat = ledger.Redeem(1, "x-1", "trial-class");
        var conflict = Assert.Throws<CreditRedemptionConflictException>(() => ledger.Redeem(1, "x-1", "bootcamp"));
        var otherMember = Assert.Throws<CreditRedemptionConflictException>(() => ledger.Redeem(2, "x-1", "trial-class"));

        Assert.True(repeat.IsRepeat);
        Assert.Empty(repeat.Events);
        Assert.Equal(410, ledger.Balance(1));
        Assert.Equal((ErrorCodes.CreditsIdConflict, "trial-class"), (conflict.ErrorCode, conflict.Existing.Item));
        Assert.Equal("RedemptionId", otherMember.Field);
    }

    [Fact]
    public void The_same_earning_or_reversal_again_is_a_repeat_and_a_different_one_under_its_id_is_a_conflict()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        var order = new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m));
        ledger.Earn(order);
        ledger.Reverse("o-1", "r-1", Money.Cny(1000m));

        Assert.True(ledger.Earn(order).IsRepeat);
        Assert.True(ledger.Reverse("o-1", "r-1", Money.Cny(1000m)).IsRepeat);
        Assert.Equal(ErrorCodes.CreditsIdConflict, Assert.Throws<CreditsException>(() => ledger.Earn(order with { Paid = Money.Cny(3000m) })).ErrorCode);
        Assert.Equal(ErrorCodes.CreditsIdConflict, Assert.Throws<CreditsException>(() => ledger.Reverse("o-1", "r-1", Money.Cny(500m))).ErrorCode);
        Assert.Equal(460 - 127, ledger.Balance(1)); // 460 × 1000 / 3600 = 127.7
    }

    [Fact]
    public void An_order_that_earned_nothing_has_nothing_to_take_back_and_rules_that_give_nothing_record_nothing()
    {
        var ledger = CreditsFixture.Ledger(_clock, new CreditOptions { ItemBonuses = { ["ka"] = 5000 } });

        Assert.Empty(ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m))).Events);
        Assert.Empty(ledger.Reverse("o-1", "r-1", Money.Cny(3600m)).Events);
        Assert.Equal(CreditAccount.Empty(1).Balance, ledger.Balance(1));
    }

    public static TheoryData<string, string, string> BadEarnings => new()
    {
        { "", "vip", "OrderId" },
        { "o-1", " ", "Item" },
    };

    [Theory]
    [MemberData(nameof(BadEarnings))]
    public void An_earning_without_an_order_or_item_is_refused_naming_the_field(string orderId, string item, string field)
    {
        var ledger = CreditsFixture.Ledger(_clock);
        var error = Assert.Throws<CreditsException>(() => ledger.Earn(new ReferredOrder(1, 2, orderId, item, Money.Cny(1m))));
        Assert.Equal((ErrorCodes.CreditsInvalidCommand, field), (error.ErrorCode, error.Field));
    }

    [Fact]
    public void An_earning_for_oneself_without_a_sponsor_or_without_payment_is_refused()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        Assert.Equal("Sponsor", Assert.Throws<CreditsException>(() => ledger.Earn(new ReferredOrder(2, 2, "o-1", "vip", Money.Cny(1m)))).Field);
        Assert.Equal("Sponsor", Assert.Throws<CreditsException>(() => ledger.Earn(new ReferredOrder(default, 2, "o-1", "vip", Money.Cny(1m)))).Field);
        Assert.Equal("Paid", Assert.Throws<CreditsException>(() => ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(0m)))).Field);
        Assert.Empty(ledger.Accounts);
    }

    [Fact]
    public void A_redemption_of_an_item_without_a_credit_price_or_without_an_id_or_member_is_refused()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        var unknown = Assert.Throws<CreditsException>(() => ledger.Redeem(1, "x-1", "vip"));
        Assert.Equal(ErrorCodes.CreditsUnknownItem, unknown.ErrorCode);
        Assert.Contains("bootcamp, trial-class", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("RedemptionId", Assert.Throws<CreditsException>(() => ledger.Redeem(1, " ", "bootcamp")).Field);
        Assert.Equal("Item", Assert.Throws<CreditsException>(() => ledger.Redeem(1, "x-1", "")).Field);
        Assert.Equal("Member", Assert.Throws<CreditsException>(() => ledger.Redeem(default, "x-1", "bootcamp")).Field);
        Assert.Equal(0, Assert.Throws<InsufficientCreditsException>(() => ledger.Redeem(1, "x-1", "bootcamp")).Balance);
    }

    public static TheoryData<decimal, string> BadRefunds => new()
    {
        { 0m, "CNY" },
        { -1m, "CNY" },
        { 3600.01m, "CNY" },
        { 10m, "USD" },
    };

    [Theory]
    [MemberData(nameof(BadRefunds))]
    public void A_refund_that_is_not_positive_in_another_currency_or_beyond_the_order_is_refused(decimal amount, string currency)
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m)));

        var error = Assert.Throws<CreditsException>(() => ledger.Reverse("o-1", "r-1", Money.Of(amount, Currency.FromCode(currency))));

        Assert.Equal((ErrorCodes.CreditsInvalidCommand, "Refunded"), (error.ErrorCode, error.Field));
        Assert.Equal(460, ledger.Balance(1));
        Assert.Equal("RefundId", Assert.Throws<CreditsException>(() => ledger.Reverse("o-1", "", Money.Cny(1m))).Field);
    }

    [Fact]
    public void Events_that_do_not_follow_are_refused_on_replay()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        var at = _clock.GetUtcNow();
        var earned = new CreditsEarned(1, 2, "o-1", "vip", Money.Cny(3600m), 100, 360, 0, null, at);
        ledger.Apply(earned);

        ICreditEvent[] misfits =
        [
            earned,
            new CreditsRedeemed(1, "x-1", "bootcamp", 461, at),
            new CreditsRedeemed(3, "x-1", "bootcamp", 1, at),
            new CreditsExpired(1, "o-1", 459, at),
            new CreditsExpired(1, "o-9", 1, at),
            new CreditsReversed(1, "o-1", "r-1", Money.Cny(3600m), 461, at),
            new CreditsReversed(4, "o-1", "r-1", Money.Cny(1m), 1, at),
            new CreditsReversed(1, "o-1", "r-1", Money.Cny(3601m), 1, at),
            new Misfit(1, at),
        ];

        Assert.All(misfits, e =>
        {
            var error = Assert.Throws<ReplayException>(() => ledger.Apply(e));
            Assert.Equal((ErrorCodes.CreditsReplayMismatch, 1, e), (error.ErrorCode, error.Index, error.Event));
        });
        var replayError = Assert.Throws<ReplayException>(() => ReferralCredits.Replay([earned, earned], CreditsFixture.Ledger(_clock)));
        Assert.Equal(1, replayError.Index);
        Assert.Equal(460, ledger.Balance(1));
    }

    [Fact]
    public void Unusable_options_are_refused_naming_each_setting()
    {
        var options = new CreditOptions
        {
            PerReferral = -1,
            PerPurchase = CreditOptions.MaximumCredits + 1,
            PurchaseRate = Rate.FromPercent(-5),
            ExpireAfterDays = -2,
            ItemBonuses = { ["ka"] = -3 },
            Prices = { ["bootcamp"] = 0, [" "] = 5 },
        };

        var error = Assert.Throws<CreditsException>(() => new ReferralCredits(options, _clock));

        Assert.Equal(ErrorCodes.CreditsInvalidOptions, error.ErrorCode);
        foreach (var setting in new[] { "PerReferral is -1", "PerPurchase is 1000000000001", "PurchaseRate is -5", "ExpireAfterDays is -2", "ItemBonuses:ka is -3", "Prices:bootcamp is 0", "Prices holds an entry with no item id" })
        {
            Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_that_never_earn_are_refused_and_the_validator_names_settings_under_the_section()
    {
        var validator = new CreditOptionsValidator("Community:Credits");

        var tooHigh = validator.Validate(null, new CreditOptions { PurchaseRate = Rate.FromPercent(2000) });
        var nothing = validator.Validate(null, new CreditOptions());

        Assert.Equal("Community:Credits:PurchaseRate is 2000%; it must be between 0% and 1000%.", Assert.Single(tooHigh.Failures!));
        Assert.StartsWith("Community:Credits:PerReferral, PerPurchase, PurchaseRate and ItemBonuses are all zero", Assert.Single(nothing.Failures!), StringComparison.Ordinal);
        Assert.True(new CreditOptionsValidator().Validate(null, CreditsFixture.Options()).Succeeded);
    }

    [Fact]
    public void A_snapshot_restores_an_equal_ledger_and_cannot_be_restored_twice_or_when_it_contradicts_itself()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m)));
        ledger.Redeem(1, "x-1", "trial-class");
        ledger.Earn(new ReferredOrder(1, 3, "o-2", "ka", Money.Cny(120000m)));
        ledger.Reverse("o-2", "r-1", Money.Cny(120000m));
        var snapshot = ledger.ToSnapshot();

        var restored = CreditsFixture.Ledger(_clock);
        restored.Restore(snapshot);

        Assert.Equal(CreditsJson.Of(snapshot), CreditsJson.Of(restored.ToSnapshot()));
        Assert.Equal(ErrorCodes.CreditsInvalidSnapshot, Assert.Throws<CreditsException>(() => restored.Restore(snapshot)).ErrorCode);
        var broken = snapshot with { Accounts = [.. snapshot.Accounts.Select(a => a with { Earned = a.Earned + 1 })], Earnings = snapshot.Earnings.AddRange(snapshot.Earnings) };
        var error = Assert.Throws<CreditsException>(() => CreditsFixture.Ledger(_clock).Restore(broken));
        Assert.Contains("does not conserve the credits of member 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds the earning of order 'o-1' twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.CreditsInvalidSnapshot, Assert.Throws<CreditsException>(() => CreditsFixture.Ledger(_clock).Restore(new CreditsSnapshot(default, [], [], []))).ErrorCode);
    }

    private sealed record Misfit(MemberId Member, DateTimeOffset OccurredAt) : ICreditEvent;
}
