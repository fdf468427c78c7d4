using CommunityModel.Catalog;
using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

/// <summary>
/// Every path that spends credit a member holds: credit left over when an upgrade is worth less than the unused
/// value (a term paid ahead), then spent by a renewal, a new purchase after the membership lapsed, or a second
/// upgrade; and the credit of an upgrade made a few days into cooling-off, up to the last second of the window.
/// The tiers cost ¥1 (basic), ¥10 (pro) and ¥100 (max) a day over a 365-day year, so every share is exact.
/// </summary>
public class MembershipCreditTests
{
    private static readonly MemberId Alice = 77;
    private readonly FakeTimeProvider _clock = new();
    private readonly MembershipDesk _desk;

    public MembershipCreditTests()
    {
        var catalog = new CatalogBuilder()
            .AddProduct("basic-seat", "Basic", ProductKind.OnlineCourse, Money.Cny(365m), LadderTier.Entry)
            .AddProduct("pro-seat", "Pro", ProductKind.OnlineCourse, Money.Cny(3650m), LadderTier.Entry)
            .AddProduct("max-seat", "Max", ProductKind.OnlineCourse, Money.Cny(36500m), LadderTier.Entry)
            .Build();
        var plan = new MembershipPlanBuilder()
            .AddTier("basic", "Basic", Money.Cny(365m), t => t.Entitle("basic-seat"))
            .AddTier("pro", "Pro", Money.Cny(3650m), t => t.Entitle("pro-seat"))
            .AddTier("max", "Max", Money.Cny(36500m), t => t.Entitle("max-seat"))
            .WithTimeZone("UTC")
            .Build(catalog);
        _desk = new MembershipDesk(plan, _clock);
    }

    /// <summary>
    /// Basic bought on 1 March 2026 and renewed ahead on 15 January 2027; on 19 February 2027 (10 days left) the
    /// upgrade to pro credits the unused ¥10 and the whole ¥365 paid ahead, ¥375, against a price of
    /// ¥3,650 × 10/365 = ¥100: nothing is due and ¥275 of credit is left.
    /// </summary>
    private Membership WithLeftOverCredit()
    {
        At(2026, 3, 1);
        var m = _desk.Purchase(Alice, "basic").Membership;
        At(2027, 1, 15);
        m = _desk.Renew(m).Membership;
        At(2027, 2, 19);
        var upgrade = _desk.Upgrade(m, "pro");

        Assert.Equal((Money.Cny(375m), Money.Cny(0m)), upgrade.Events.OfType<UpgradeCredited>().Select(c => (c.Credit, c.ConsumedValue)).Single());
        var upgraded = upgrade.Events.OfType<MembershipUpgraded>().Single();
        Assert.Equal((Money.Cny(100m), Money.Cny(100m), Money.Cny(0m)), (upgraded.Price, upgraded.CreditApplied, upgraded.Charged));
        Assert.Equal(new TermPeriod(new DateOnly(2027, 2, 19), new DateOnly(2027, 3, 1)), upgraded.Term);
        Assert.Equal((Money.Cny(275m), Money.Cny(730m)), (upgrade.Membership.Credit, upgrade.Membership.TotalPaid));
        return upgrade.Membership;
    }

    [Fact]
    public void A_renewal_spends_the_credit_held_before_cash()
    {
        var m = WithLeftOverCredit();
        At(2027, 2, 25);

        var renewal = _desk.Renew(m);

        var renewed = renewal.Events.OfType<MembershipRenewed>().Single();
        Assert.Equal((Money.Cny(3375m), Money.Cny(275m)), (renewed.Paid, renewed.CreditApplied));
        Assert.Equal(new TermPeriod(new DateOnly(2027, 3, 1), new DateOnly(2028, 3, 1)), renewed.Term);
        Assert.Equal((Money.Cny(0m), Money.Cny(4105m)), (renewal.Membership.Credit, renewal.Membership.TotalPaid));

        // A refund now returns the pro term, still cooling off (¥100), and the term paid ahead at its full worth,
        // the credit spent on it included (¥3,650).
        Assert.Equal(Money.Cny(3750m), _desk.QuoteRefund(renewal.Membership).Amount);
    }

    [Fact]
    public void A_renewal_cheaper_than_the_credit_is_paid_by_credit_alone_and_keeps_the_rest()
    {
        var m = WithLeftOverCredit();
        At(2027, 2, 25);

        var renewal = _desk.Renew(m, Money.Cny(200m), "loyalty price");

        var renewed = renewal.Events.OfType<MembershipRenewed>().Single();
        Assert.Equal((Money.Cny(0m), Money.Cny(200m)), (renewed.Paid, renewed.CreditApplied));
        Assert.Equal(Money.Cny(75m), renewal.Membership.Credit);
    }

    [Fact]
    public void A_new_purchase_after_the_membership_lapsed_spends_the_credit_held()
    {
        var m = WithLeftOverCredit();
        At(2027, 4, 15);
        m = _desk.Refresh(m).Membership;
        Assert.Equal((MembershipStatus.Expired, Money.Cny(275m)), (m.Status, m.Credit));

        var purchase = _desk.Purchase(Alice, "basic", m);

        var purchased = purchase.Events.OfType<MembershipPurchased>().Single();
        Assert.Equal((Money.Cny(90m), Money.Cny(275m)), (purchased.Paid, purchased.CreditApplied));
        Assert.Equal((Money.Cny(0m), Money.Cny(820m)), (purchase.Membership.Credit, purchase.Membership.TotalPaid));

        // A first purchase has no credit to spend.
        var first = _desk.Purchase(78, "basic").Events.OfType<MembershipPurchased>().Single();
        Assert.Equal((Money.Cny(365m), Money.Cny(0m)), (first.Paid, first.CreditApplied));
    }

    [Fact]
    public void A_second_upgrade_adds_the_credit_held_to_the_unused_value()
    {
        var m = WithLeftOverCredit();
        At(2027, 2, 21);

        // The pro term (worth ¥100, paid two days ago) is still cooling off, so all of it carries over: ¥100 + ¥275
        // held = ¥375 against max for 8 days, ¥36,500 × 8/365 = ¥800; ¥425 is due.
        var upgrade = _desk.Upgrade(m, "max");

        Assert.Equal(Money.Cny(100m), upgrade.Events.OfType<UpgradeCredited>().Single().Credit);
        var upgraded = upgrade.Events.OfType<MembershipUpgraded>().Single();
        Assert.Equal((Money.Cny(800m), Money.Cny(375m), Money.Cny(425m)), (upgraded.Price, upgraded.CreditApplied, upgraded.Charged));
        Assert.Equal((Money.Cny(0m), Money.Cny(1155m)), (upgrade.Membership.Credit, upgrade.Membership.TotalPaid));
    }

    [Theory]
    [InlineData(9, 59, 59, 100, 75)] // the last second of cooling-off: the whole ¥100 carries over
    [InlineData(10, 0, 0, 30, 5)]    // seven days after the pro upgrade: 3 of its 10 days unused, ¥30
    public void An_upgrade_a_few_days_into_cooling_off_credits_everything_until_the_window_closes(int hour, int minute, int second, decimal credit, decimal left)
    {
        var m = WithLeftOverCredit(); // the pro term was paid on 19 February 2027 at 10:00
        _clock.SetUtcNow(new DateTimeOffset(2027, 2, 26, hour, minute, second, TimeSpan.Zero));

        // Max for the 3 days left: ¥36,500 × 3/365 = ¥300, all of it paid by credit.
        var upgrade = _desk.Upgrade(m, "max");

        Assert.Equal(Money.Cny(credit), upgrade.Events.OfType<UpgradeCredited>().Single().Credit);
        var upgraded = upgrade.Events.OfType<MembershipUpgraded>().Single();
        Assert.Equal((Money.Cny(300m), Money.Cny(300m), Money.Cny(0m)), (upgraded.Price, upgraded.CreditApplied, upgraded.Charged));
        Assert.Equal(Money.Cny(left), upgrade.Membership.Credit);
    }

    [Fact]
    public void A_refund_returns_the_credit_held_beside_the_unused_term()
    {
        var m = WithLeftOverCredit();

        // The pro term paid today is still cooling off (¥100 back) and the ¥275 of credit held is returned too.
        var quote = _desk.QuoteRefund(m);

        Assert.Equal((Money.Cny(375m), RefundBasis.CoolingOff), (quote.Amount, quote.Basis));
    }

    [Fact]
    public void A_move_to_a_tier_of_the_same_price_is_not_a_downgrade()
    {
        var plan = new MembershipPlanBuilder()
            .AddTier("basic", "Basic", Money.Cny(365m), t => t.Entitle("basic-seat"))
            .AddTier("basic-plus", "Basic plus", Money.Cny(365m), t => t.Entitle("basic-seat"))
            .WithTimeZone("UTC")
            .Build(new CatalogBuilder().AddProduct("basic-seat", "Basic", ProductKind.OnlineCourse, Money.Cny(365m), LadderTier.Entry).Build());
        var desk = new MembershipDesk(plan, _clock);
        At(2026, 3, 1);
        var m = desk.Purchase(Alice, "basic").Membership;

        var error = Assert.Throws<MembershipRefusedException>(() => desk.Downgrade(m, "basic-plus"));

        var refusal = Assert.Single(error.Refusals);
        Assert.Equal((ErrorCodes.NotADowngrade, "tierId"), (refusal.Code, refusal.Field));
        Assert.Contains("Tier 'basic-plus' (¥365.00) is not cheaper than 'basic' (¥365.00)", refusal.Message, StringComparison.Ordinal);
    }

    private void At(int year, int month, int day) => _clock.SetUtcNow(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero));
}
