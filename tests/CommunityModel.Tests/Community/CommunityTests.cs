using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Community;

public class CommunityTests
{
    private static readonly MemberId Sponsor = 1;
    private static readonly MemberId Alice = 2;
    private readonly FakeTimeProvider _clock = new(TestCommunity.Start);
    private readonly CommunityModel.Community _community;

    public CommunityTests()
    {
        _community = TestCommunity.Create(_clock);
        _community.Execute(new RegisterMember(Sponsor));
        _community.Execute(new RegisterMember(Alice, Sponsor));
    }

    [Fact]
    public void A_membership_purchase_moves_the_member_along_the_value_chain_and_issues_a_member_number()
    {
        var change = _community.Execute(new PlaceOrder(Alice, "o-1", Vip));

        var member = _community.Member(Alice);
        Assert.Equal(LifecycleStage.Member, member.Stage);
        Assert.Equal("VIP-000001", member.Number?.Text); // the tier has a prefix of its own
        var purchased = Assert.Single(change.EventsOf<MembershipPurchased>());
        Assert.Equal("o-1", purchased.OrderId);
        Assert.Equal(Money.Cny(3600m), purchased.Paid);
        Assert.Equal(LifecycleTrigger.BoughtMembership, Assert.Single(change.EventsOf<MemberTransitioned>()).Trigger);
        Assert.Equal(Money.Cny(3600m), member.NetSpent);
        Assert.Equal(OrderKind.MembershipPurchase, Assert.Single(_community.OrdersOf(Alice)).Kind);
    }

    [Theory]
    [InlineData(TrialClass, LifecycleStage.Fan)]
    [InlineData(Bootcamp, LifecycleStage.Customer)]
    [InlineData(PartnerPackage, LifecycleStage.Partner)]
    public void The_rung_of_the_product_ladder_decides_the_value_chain_trigger(string product, LifecycleStage stage)
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", product));

        Assert.Equal(stage, _community.Member(Alice).Stage);
    }

    [Fact]
    public void Joining_a_lead_group_or_following_the_account_makes_a_prospect_a_fan_and_attendance_wakes_a_dormant_fan()
    {
        MemberId follower = 3;
        _community.Execute(new RegisterMember(follower));

        var joined = _community.Execute(new JoinLeadGroup(Alice, "lead-1"));
        _community.Execute(new FollowAccount(follower, "wechat-official"));
        var again = _community.Execute(new JoinLeadGroup(Alice, "lead-2"));

        Assert.Equal(LifecycleTrigger.JoinedLeadGroup, Assert.Single(joined.EventsOf<MemberTransitioned>()).Trigger);
        Assert.Equal(LifecycleStage.Fan, _community.Member(follower).Stage);
        Assert.Empty(again.Events); // a fan joining another group stays a fan
        _clock.Advance(TimeSpan.FromDays(120));
        _community.Execute(new ClosePeriod());
        Assert.Equal(LifecycleStage.Dormant, _community.Member(Alice).Stage);
        _community.Execute(new RecordFact(new AttendanceRecorded(Alice, "live-1", "lead-1", _clock.GetUtcNow())));
        Assert.Equal(LifecycleStage.Fan, _community.Member(Alice).Stage);
        Assert.Equal(_clock.GetUtcNow(), _community.Member(Alice).LastActiveAt);
    }

    [Fact]
    public void An_active_vip_buys_the_gift_pack_as_promoter_rights_and_then_pays_ten_percent_less_for_products()
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", Vip));

        var rights = _community.Execute(new PlaceOrder(Alice, "o-2", GiftPackTier));
        var quote = _community.Quote(Alice, Bootcamp);
        var bought = _community.Execute(new PlaceOrder(Alice, "o-3", Bootcamp));

        Assert.Equal(Money.Cny(399m), Assert.Single(rights.EventsOf<PromoterRightsGranted>()).Paid);
        Assert.True(_community.Member(Alice).IsPromoter);
        Assert.Equal(new PriceQuote(Bootcamp, Money.Cny(199m), Rate.FromPercent(10m), Money.Cny(19.90m), Money.Cny(179.10m)), quote);
        var sale = Assert.Single(bought.EventsOf<ProductPurchased>());
        Assert.Equal(Money.Cny(179.10m), sale.Paid);
        Assert.Equal("member discount 10%", sale.PriceReason);
        Assert.Equal(OrderKind.PromoterRights, _community.OrdersOf(Alice)[1].Kind);
    }

    [Fact]
    public void A_promoter_may_sponsor_under_designated_promoter_referrals()
    {
        var clock = new FakeTimeProvider(TestCommunity.Start);
        var community = new CommunityModel.Community(
            new ValueChain(new ValueChainOptions(), clock),
            new ReferralOptions { Sponsors = SponsorEligibility.DesignatedPromoters },
            new CommunityModel.MemberNumbers.MemberNumberOptions(),
            clock,
            catalog: CreateCatalog(),
            desk: new MembershipDesk(CreatePlan(), clock));
        community.Execute(new RegisterMember(Sponsor));
        Assert.Equal(ErrorCodes.ReferralSponsorNotPromoter, Assert.Throws<ReferralException>(() => community.Execute(new RegisterMember(Alice, Sponsor))).ErrorCode);

        community.Execute(new PlaceOrder(Sponsor, "o-1", GiftPackTier));
        community.Execute(new RegisterMember(Alice, Sponsor));

        Assert.Equal(Sponsor, community.SponsorOf(Alice));
    }

    [Fact]
    public void A_configured_tier_the_partner_package_and_spending_each_make_a_promoter()
    {
        var community = TestCommunity.Create(_clock, new CommunityOptions { PromoterTiers = [Ka], PromoterSpendingThreshold = Money.Cny(3000m) });
        MemberId ka = 10, partner = 11, spender = 12;
        foreach (var m in new[] { ka, partner, spender })
        {
            community.Execute(new RegisterMember(m));
        }

        var byTier = community.Execute(new PlaceOrder(ka, "k-1", Ka)).EventsOf<PromoterQualified>().Single();
        var byPackage = community.Execute(new PlaceOrder(partner, "p-1", PartnerPackage)).EventsOf<PromoterQualified>().Single();
        community.Execute(new PlaceOrder(spender, "s-1", Bootcamp));
        Assert.False(community.Member(spender).IsPromoter);
        var bySpending = community.Execute(new PlaceOrder(spender, "s-2", OfflineCourse)).EventsOf<PromoterQualified>().Single();

        Assert.Equal((PromoterBasis.MembershipTier, "k-1"), (byTier.Basis, byTier.Source));
        Assert.Equal(PromoterBasis.PartnerPackage, byPackage.Basis);
        Assert.Equal(PromoterBasis.Spending, bySpending.Basis);
        Assert.All([ka, partner, spender], m => Assert.True(community.Member(m).IsPromoter));

        var refunded = community.Execute(new RefundOrder(spender, "s-2", "r-1"));
        Assert.Single(refunded.EventsOf<PromoterRevoked>());
        Assert.False(community.Member(spender).IsPromoter);
    }

    [Fact]
    public void Suspension_reaches_the_desk_and_a_membership_that_ended_meanwhile_comes_back_lapsed()
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", Vip));
        _community.Execute(new SuspendMember(Alice, "rule breach"));

        Assert.True(_community.Member(Alice).Membership!.IsSuspended);
        Assert.Equal(ErrorCodes.CommunityMemberHeld, Assert.Throws<CommunityException>(() => _community.Execute(new ConsumeEntitlement(Alice, OfflineCourse, "k-1"))).ErrorCode);
        Assert.Equal(ErrorCodes.CommunityMemberHeld, Assert.Throws<CommunityException>(() => _community.Execute(new PlaceOrder(Alice, "o-2", Bootcamp))).ErrorCode);

        _clock.Advance(TimeSpan.FromDays(400));
        _community.Execute(new ClosePeriod());
        Assert.Equal(LifecycleStage.Suspended, _community.Member(Alice).Stage);
        var back = _community.Execute(new ReinstateMember(Alice, "review passed"));

        Assert.Equal([LifecycleStage.Member, LifecycleStage.Lapsed], back.EventsOf<MemberTransitioned>().Select(t => t.To));
        Assert.Equal(LifecycleStage.Lapsed, _community.Member(Alice).Stage);
        Assert.False(_community.Member(Alice).Membership!.IsSuspended);
    }

    [Fact]
    public void Removal_suspends_the_membership_and_ends_promoter_rights()
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", GiftPackTier));

        _community.Execute(new RemoveMember(Alice, "fraud"));

        var alice = _community.Member(Alice);
        Assert.Equal(LifecycleStage.Removed, alice.Stage);
        Assert.True(alice.Membership!.IsSuspended);
        Assert.False(alice.IsPromoter);
        Assert.True(alice.IsHeld);
    }

    [Fact]
    public void A_membership_refund_returns_the_member_to_customer_and_is_spread_over_the_membership_orders()
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", Vip));
        _clock.Advance(TimeSpan.FromDays(2));

        var change = _community.Execute(new RefundOrder(Alice, "o-1", "r-1"));

        var refund = Assert.Single(change.EventsOf<MembershipRefunded>());
        Assert.Equal("r-1", refund.RefundId);
        Assert.Equal(Money.Cny(3600m), refund.Amount); // inside the seven-day cooling-off window
        Assert.Equal(LifecycleStage.Customer, _community.Member(Alice).Stage);
        Assert.Equal(Money.Cny(3600m), _community.OrdersOf(Alice).Single().Refunded);
        Assert.Equal(Money.Zero(Currency.CNY), _community.Member(Alice).NetSpent);
    }

    [Fact]
    public void A_refund_naming_an_order_already_refunded_is_refused_and_the_members_new_membership_is_untouched()
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", Vip));
        _clock.Advance(TimeSpan.FromDays(2));
        _community.Execute(new RefundOrder(Alice, "o-1", "r-1"));
        _community.Execute(new PlaceOrder(Alice, "o-2", Vip)); // a new membership, paid in full

        var error = Assert.Throws<CommunityException>(() => _community.Execute(new RefundOrder(Alice, "o-1", "r-2")));

        Assert.Equal((ErrorCodes.CommunityOrderNotRefundable, "OrderId"), (error.ErrorCode, error.Field));
        Assert.Contains("'o-1'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Money.Cny(0m), _community.OrdersOf(Alice).Single(o => o.OrderId == "o-2").Refunded);
        Assert.Equal(MembershipStatus.Active, _community.Member(Alice).Membership!.Status);
        Assert.Equal(LifecycleStage.Member, _community.Member(Alice).Stage);
    }

    [Fact]
    public void A_refund_naming_an_order_of_an_earlier_membership_is_refused_even_when_something_is_left_of_it()
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", Vip));
        _clock.Advance(TimeSpan.FromDays(366 + 31)); // the term and the grace are over
        _community.Execute(new ClosePeriod());
        _community.Execute(new PlaceOrder(Alice, "o-2", Ka)); // another tier after the lapse: a new membership

        var error = Assert.Throws<CommunityException>(() => _community.Execute(new RefundOrder(Alice, "o-1", "r-1")));

        Assert.Equal((ErrorCodes.CommunityOrderNotRefundable, "OrderId"), (error.ErrorCode, error.Field));
        Assert.Equal(Money.Cny(0m), _community.OrdersOf(Alice).Single(o => o.OrderId == "o-2").Refunded);
        Assert.Equal(MembershipStatus.Active, _community.Member(Alice).Membership!.Status);
    }

    [Fact]
    public void The_same_order_again_is_a_repeat_and_another_item_under_its_id_is_refused_leaving_state_untouched()
    {
        var first = _community.Execute(new PlaceOrder(Alice, "o-1", Bootcamp));

        var again = _community.Execute(new PlaceOrder(Alice, "o-1", Bootcamp));
        var before = _community.Members;
        var conflict = Assert.Throws<CommunityException>(() => _community.Execute(new PlaceOrder(Alice, "o-1", Vip)));

        Assert.NotEmpty(first.Events);
        Assert.True(again.IsRepeat);
        Assert.Empty(again.Events);
        Assert.Equal((ErrorCodes.CommunityIdConflict, "OrderId"), (conflict.ErrorCode, conflict.Field));
        Assert.Equal(before.OrderBy(m => m.Id), _community.Members.OrderBy(m => m.Id));
    }

    [Fact]
    public void Bad_commands_are_refused_with_a_typed_error_naming_the_field()
    {
        Assert.Equal((ErrorCodes.CommunityUnknownMember, "Member"), Code(new PlaceOrder(99, "o-1", Vip)));
        Assert.Equal((ErrorCodes.CommunityUnknownItem, "Item"), Code(new PlaceOrder(Alice, "o-1", "yacht")));
        Assert.Equal((ErrorCodes.CommunityInvalidCommand, "OrderId"), Code(new PlaceOrder(Alice, " ", Vip)));
        Assert.Equal((ErrorCodes.CommunityInvalidPrice, "Price"), Code(new PlaceOrder(Alice, "o-1", Bootcamp, Money.Cny(250m))));
        Assert.Equal((ErrorCodes.PriceReasonRequired, "PriceReason"), Code(new PlaceOrder(Alice, "o-1", Bootcamp, Money.Cny(99m))));
        Assert.Equal((ErrorCodes.CommunityMemberExists, "Member"), Code(new RegisterMember(Alice)));
        Assert.Equal((ErrorCodes.CommunityUnknownOrder, "OrderId"), Code(new RefundOrder(Alice, "nope", "r-1")));
        _community.Execute(new PlaceOrder(Alice, "o-1", Bootcamp));
        Assert.Equal((ErrorCodes.CommunityInvalidRefund, "Amount"), Code(new RefundOrder(Alice, "o-1", "r-1", Money.Cny(500m))));
        Assert.Equal((ErrorCodes.CommunityInvalidCommand, "Fact"), Code(new RecordFact(new PurchaseMade(Alice, Money.Cny(1m), "x", _clock.GetUtcNow()))));
        Assert.Equal((ErrorCodes.CommunityUnknownMember, "Fact"), Code(new RecordFact(new ActivityRecorded(99, _clock.GetUtcNow()))));
        Assert.Equal(ErrorCodes.PromoterRightsConflict, Assert.Throws<CommunityException>(() => _community.Execute(new RevokePromoterRights(Alice, "why"))).ErrorCode);
        Assert.Equal(Money.Cny(199m), _community.Member(Alice).NetSpent);
    }

    [Fact]
    public void A_price_below_the_members_price_is_taken_with_a_reason()
    {
        var change = _community.Execute(new PlaceOrder(Alice, "o-1", Bootcamp, Money.Cny(99m), "launch week"));

        var sale = Assert.Single(change.EventsOf<ProductPurchased>());
        Assert.Equal((Money.Cny(99m), Money.Cny(199m), "launch week"), (sale.Paid, sale.ListPrice, sale.PriceReason));
    }

    [Fact]
    public void Closing_a_period_lapses_ended_memberships_and_sends_idle_fans_dormant_and_activity_wakes_them()
    {
        MemberId fan = 3;
        _community.Execute(new RegisterMember(fan));
        _community.Execute(new PlaceOrder(fan, "f-1", TrialClass));
        _community.Execute(new PlaceOrder(Alice, "o-1", Vip));
        _clock.Advance(TimeSpan.FromDays(370));

        var closed = _community.Execute(new ClosePeriod());

        Assert.Single(closed.EventsOf<MembershipExpired>());
        Assert.Equal(LifecycleStage.Lapsed, _community.Member(Alice).Stage);
        Assert.Equal(LifecycleStage.Dormant, _community.Member(fan).Stage);
        _community.Execute(new RecordFact(new ActivityRecorded(fan, _clock.GetUtcNow())));
        Assert.Equal(LifecycleStage.Fan, _community.Member(fan).Stage);
    }

    [Fact]
    public void A_member_with_a_partner_tier_and_enough_referrals_with_memberships_qualifies_as_partner()
    {
        _community.Execute(new PlaceOrder(Sponsor, "k-1", Ka));
        for (var i = 0; i < 3; i++)
        {
            MemberId referral = 100 + i;
            _community.Execute(new RegisterMember(referral, Sponsor));
            _community.Execute(new PlaceOrder(referral, $"v-{i}", Vip));
            Assert.Equal(i < 2 ? LifecycleStage.Member : LifecycleStage.Partner, _community.Member(Sponsor).Stage);
        }

        Assert.Equal(3, _community.Member(Sponsor).ReferralsWithMembership);
    }

    [Fact]
    public void Replaying_the_events_gives_the_same_community()
    {
        var events = new List<IDomainEvent>();
        var community = TestCommunity.Create(_clock);
        void Run(CommunityCommand c) => events.AddRange(community.Execute(c).Events);
        Run(new RegisterMember(Sponsor));
        Run(new RegisterMember(Alice, Sponsor));
        Run(new PlaceOrder(Alice, "o-1", Vip));
        Run(new PlaceOrder(Alice, "o-2", GiftPackTier));
        Run(new PlaceOrder(Sponsor, "o-3", Bootcamp));
        Run(new ConsumeEntitlement(Alice, OfflineCourse, "k-1"));
        _clock.Advance(TimeSpan.FromDays(30));
        Run(new PlaceOrder(Alice, "o-4", Ka));
        Run(new RefundOrder(Sponsor, "o-3", "r-1", Money.Cny(50m)));

        var replayed = CommunityModel.Community.Replay(events, TestCommunity.Create(_clock));

        Assert.Equal(community.Members.OrderBy(m => m.Id), replayed.Members.OrderBy(m => m.Id));
        Assert.Equal(community.OrdersOf(Alice).AsEnumerable(), replayed.OrdersOf(Alice));
        Assert.Equal(community.OrdersOf(Sponsor).AsEnumerable(), replayed.OrdersOf(Sponsor));
    }

    private (string Code, string? Field) Code(CommunityCommand command)
    {
        var e = Assert.Throws<CommunityException>(() => _community.Execute(command));
        return (e.ErrorCode, e.Field);
    }
}
