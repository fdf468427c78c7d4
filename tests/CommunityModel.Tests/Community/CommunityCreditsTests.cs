using CommunityModel.Credits;
using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Community;

public class CommunityCreditsTests
{
    private readonly FakeTimeProvider _clock = new(TestCommunity.Start);

    internal static CreditOptions Rules() => new()
    {
        PerReferral = 100,
        PurchaseRate = Rate.FromPercent(10),
        ItemBonuses = { [Ka] = 5000 },
        ExpireAfterDays = 365,
        Prices = { [Bootcamp] = 800, [TrialClass] = 50 },
    };

    private CommunityModel.Community Referred()
    {
        var community = TestCommunity.Create(_clock, credits: Rules());
        community.Execute(new RegisterMember(1, default));
        community.Execute(new RegisterMember(2, 1));
        community.Execute(new RegisterMember(3, 1));
        return community;
    }

    [Fact]
    public void Paid_orders_of_referred_members_earn_their_sponsor_credits_that_are_redeemed_and_taken_back_by_a_refund()
    {
        var community = Referred();

        var vip = community.Execute(new PlaceOrder(2, "o-1", Vip)).Events.OfType<CreditsEarned>().Single();
        var ka = community.Execute(new PlaceOrder(3, "o-2", Ka)).Events.OfType<CreditsEarned>().Single();
        var bootcamp = community.Execute(new PlaceOrder(2, "o-3", Bootcamp)).Events.OfType<CreditsEarned>().Single();

        Assert.Equal(((MemberId)1, (MemberId)2, "o-1", Vip, 460L), (vip.Member, vip.Referred, vip.OrderId, vip.Item, vip.Credits));
        Assert.Equal((100L, 12000L, 5000L), (ka.ForReferral, ka.ForPurchase, ka.ForItem));
        Assert.Equal((0L, 19L), (bootcamp.ForReferral, bootcamp.Credits));
        Assert.Equal(17579, community.Credits!.Balance(1));

        var redeemed = community.Execute(new RedeemCredits(1, "x-1", Bootcamp));
        Assert.Equal(new CreditsRedeemed(1, "x-1", Bootcamp, 800, _clock.GetUtcNow()), Assert.Single(redeemed.Events));
        Assert.True(community.Execute(new RedeemCredits(1, "x-1", Bootcamp)).IsRepeat);

        var refund = community.Execute(new RefundOrder(2, "o-3", "r-1", Money.Cny(99.50m)));
        var reversed = refund.Events.OfType<CreditsReversed>().Single();
        Assert.Equal((9L, Money.Cny(99.50m)), (reversed.Credits, reversed.Refunded)); // 19 × 99.50 / 199 = 9.5, rounded down
        var account = community.Credits.Account(1);
        Assert.Equal(17579 - 800 - 9, account.Balance);
        Assert.Equal(account.Earned, account.Redeemed + account.Expired + account.Reversed + account.Balance);
    }

    [Fact]
    public void A_membership_refund_takes_back_the_credits_of_the_orders_it_refunds_even_into_debt()
    {
        var community = Referred();
        community.Execute(new PlaceOrder(2, "o-1", Vip));
        community.Execute(new RedeemCredits(1, "x-1", TrialClass));
        community.Execute(new RedeemCredits(1, "x-2", TrialClass));

        var refund = community.Execute(new RefundOrder(2, "o-1", "r-1"));

        var refunded = refund.Events.OfType<MembershipRefunded>().Single();
        var reversed = refund.Events.OfType<CreditsReversed>().Single();
        Assert.Equal(("o-1", "r-1", refunded.Amount), (reversed.OrderId, reversed.RefundId, reversed.Refunded));
        Assert.Equal(460 * refunded.Amount.MinorUnits / Money.Cny(3600m).MinorUnits, reversed.Credits);
        Assert.Equal(360 - reversed.Credits, community.Credits!.Balance(1));
    }

    [Fact]
    public void Members_without_a_sponsor_or_with_a_held_sponsor_earn_nobody_credits()
    {
        var community = Referred();
        Assert.Empty(community.Execute(new PlaceOrder(1, "o-1", Vip)).Events.OfType<CreditsEarned>());
        community.Execute(new RemoveMember(1, "fraud"));

        Assert.Empty(community.Execute(new PlaceOrder(2, "o-2", Vip)).Events.OfType<CreditsEarned>());
        Assert.Empty(community.Credits!.Accounts);
    }

    [Fact]
    public void The_close_of_a_period_expires_lots_a_year_old()
    {
        var community = Referred();
        community.Execute(new PlaceOrder(2, "o-1", Vip));
        _clock.Advance(TimeSpan.FromDays(364));
        Assert.Empty(community.Execute(new ClosePeriod()).Events.OfType<CreditsExpired>());

        _clock.Advance(TimeSpan.FromDays(1));
        var expired = community.Execute(new ClosePeriod()).Events.OfType<CreditsExpired>().Single();

        Assert.Equal(((MemberId)1, "o-1", 460L), (expired.Member, expired.OrderId, expired.Credits));
        Assert.Equal(0, community.Credits!.Balance(1));
    }

    [Fact]
    public void A_redemption_beyond_the_balance_is_refused_naming_it_and_changes_nothing()
    {
        var community = Referred();
        community.Execute(new PlaceOrder(2, "o-1", Vip));

        var refused = Assert.Throws<InsufficientCreditsException>(() => community.Execute(new RedeemCredits(1, "x-1", Bootcamp)));

        Assert.Equal((460L, 800L), (refused.Balance, refused.Price));
        Assert.Equal(460, community.Credits!.Balance(1));
        Assert.True(community.Execute(new RedeemCredits(1, "x-1", TrialClass)).Events.Length == 1);
    }

    [Fact]
    public void Redemptions_are_refused_with_typed_errors()
    {
        var community = Referred();
        community.Execute(new PlaceOrder(2, "o-1", Vip));
        community.Execute(new RedeemCredits(1, "x-1", TrialClass));
        community.Execute(new RemoveMember(3, "fraud"));

        Assert.Equal(ErrorCodes.CommunityUnknownMember, Assert.Throws<CommunityException>(() => community.Execute(new RedeemCredits(9, "x-2", TrialClass))).ErrorCode);
        Assert.Equal(ErrorCodes.CommunityMemberHeld, Assert.Throws<CommunityException>(() => community.Execute(new RedeemCredits(3, "x-2", TrialClass))).ErrorCode);
        Assert.Equal("RedemptionId", Assert.Throws<CommunityException>(() => community.Execute(new RedeemCredits(1, " ", TrialClass))).Field);
        Assert.Equal("Item", Assert.Throws<CommunityException>(() => community.Execute(new RedeemCredits(1, "x-2", ""))).Field);
        Assert.Equal(ErrorCodes.CreditsUnknownItem, Assert.Throws<CreditsException>(() => community.Execute(new RedeemCredits(1, "x-2", Vip))).ErrorCode);
        Assert.Equal(ErrorCodes.CreditsIdConflict, Assert.Throws<CreditRedemptionConflictException>(() => community.Execute(new RedeemCredits(1, "x-1", Bootcamp))).ErrorCode);
        Assert.Equal(410, community.Credits!.Balance(1));
    }

    [Fact]
    public void A_community_without_credit_options_keeps_no_credits_refuses_redemptions_and_their_events()
    {
        var community = TestCommunity.Create(_clock);
        community.Execute(new RegisterMember(1, default));

        Assert.Null(community.Credits);
        Assert.Equal(ErrorCodes.CommunityInvalidCommand, Assert.Throws<CommunityException>(() => community.Execute(new RedeemCredits(1, "x-1", TrialClass))).ErrorCode);
        Assert.Equal(ErrorCodes.CommunityReplayMismatch, Assert.Throws<ReplayException>(() => community.Apply(new CreditsExpired(1, "o-1", 1, _clock.GetUtcNow()))).ErrorCode);
        var withCredits = Referred();
        withCredits.Execute(new PlaceOrder(2, "o-1", Vip));
        Assert.Equal(ErrorCodes.CommunityInvalidSnapshot, Assert.Throws<CommunityException>(() => TestCommunity.Create(_clock).Restore(withCredits.ToSnapshot())).ErrorCode);
    }

    [Fact]
    public void Credit_options_naming_items_the_community_does_not_sell_are_refused_naming_the_setting()
    {
        var rules = Rules();
        rules.Prices["massage"] = 10;
        rules.ItemBonuses["yacht"] = 10;

        var error = Assert.Throws<CommunityException>(() => TestCommunity.Create(_clock, credits: rules));

        Assert.Equal(ErrorCodes.CommunityInvalidOptions, error.ErrorCode);
        Assert.Contains("Credits:Prices:massage names 'massage'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Credits:ItemBonuses:yacht names 'yacht'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_carries_the_credits_and_a_contradicting_one_is_refused()
    {
        var community = Referred();
        community.Execute(new PlaceOrder(2, "o-1", Vip));
        var snapshot = community.ToSnapshot();

        var restored = TestCommunity.Create(_clock, credits: Rules());
        restored.Restore(snapshot);
        var broken = snapshot with { Credits = snapshot.Credits! with { Earnings = snapshot.Credits.Earnings.AddRange(snapshot.Credits.Earnings) } };

        Assert.Equal(460, restored.Credits!.Balance(1));
        var error = Assert.Throws<CommunityException>(() => TestCommunity.Create(_clock, credits: Rules()).Restore(broken));
        Assert.Contains("its credits holds the earning of order 'o-1' twice", error.Message, StringComparison.Ordinal);
    }
}
