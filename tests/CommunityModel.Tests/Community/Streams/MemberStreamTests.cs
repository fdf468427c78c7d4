using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Community.Streams;

public class MemberStreamTests
{
    private static readonly MemberId Sponsor = 1;
    private static readonly MemberId Alice = 2;
    private readonly FakeTimeProvider _clock = new(TestCommunity.Start);
    private readonly CommunityModel.Community _community;

    public MemberStreamTests()
    {
        _community = TestCommunity.Create(_clock);
        _community.Execute(new RegisterMember(Sponsor));
        _community.Execute(new RegisterMember(Alice, Sponsor));
    }

    private MemberStream Stream => _community.Stream;

    [Fact]
    public void A_referrals_first_membership_sends_the_sponsor_the_referral_the_order_to_commissions_and_a_number_request()
    {
        var decision = Stream.Decide(_community.StreamOf(Alice), new PlaceOrder(Alice, "o-1", Vip));

        Assert.Collection(
            decision.FollowUps,
            f => Assert.Equal(new ReferralFollowUp(new ReferralMembershipStarted(Sponsor, Alice, "o-1", TestCommunity.Start)), f),
            f => Assert.Equal(Money.Cny(3600m), Assert.IsType<OrderPaidFollowUp>(f).Order.Paid),
            f => Assert.Equal(new MemberNumberFollowUp(Alice, Vip, TestCommunity.Start), f));
        Assert.All(decision.Events, e => Assert.Equal(Alice, MemberStream.MemberOf(e))); // a member's decision writes only the member's stream
        Assert.Contains(decision.Events, e => e is MembershipPurchased { OrderId: "o-1" });
    }

    [Fact]
    public void The_community_delivers_the_follow_ups_the_sponsor_records_the_referral_and_the_number_is_issued()
    {
        var change = _community.Execute(new PlaceOrder(Alice, "o-1", Vip));

        Assert.Equal(new ReferralMembershipStarted(Sponsor, Alice, "o-1", TestCommunity.Start), Assert.Single(change.EventsOf<ReferralMembershipStarted>()));
        Assert.Equal(1, _community.Member(Sponsor).ReferralsWithMembership);
        Assert.Equal("VIP-000001", Assert.Single(change.EventsOf<MemberNumberIssued>()).Number);

        _community.Execute(new PlaceOrder(Alice, "o-2", Vip)); // a renewal is no first membership
        Assert.Equal(1, _community.Member(Sponsor).ReferralsWithMembership);
    }

    [Fact]
    public void A_ka_sponsor_qualifies_as_a_partner_when_the_third_referrals_first_membership_reaches_the_sponsors_stream()
    {
        _community.Execute(new PlaceOrder(Sponsor, "s-1", Ka));
        _community.Execute(new RegisterMember(3, Sponsor));
        _community.Execute(new RegisterMember(4, Sponsor));
        _community.Execute(new PlaceOrder(Alice, "o-2", Vip));
        _community.Execute(new PlaceOrder(3, "o-3", Vip));
        Assert.Equal(LifecycleStage.Member, _community.Member(Sponsor).Stage); // two referrals; three are needed
        var started = new ReferralMembershipStarted(Sponsor, 4, "o-4", TestCommunity.Start);

        var decision = Stream.Decide(_community.StreamOf(Sponsor), started);

        Assert.Equal(started, decision.Events[0]);
        Assert.Equal(LifecycleTrigger.QualifiedAsPartner, Assert.IsType<MemberTransitioned>(Assert.Single(decision.Events.Skip(1))).Trigger);
        Assert.Empty(decision.FollowUps);
        var after = decision.Events.Aggregate(_community.StreamOf(Sponsor), Stream.Evolve);
        Assert.Equal(3, after.Member!.ReferralsWithMembership);
        Assert.Equal(LifecycleStage.Partner, after.Member.Stage);

        _community.Execute(new PlaceOrder(4, "o-4", Vip)); // the community delivers the same follow-up
        Assert.Equal(after.Member, _community.StreamOf(Sponsor).Member);
    }

    [Fact]
    public void Repeating_an_order_or_a_refund_is_a_repeat_with_nothing_to_record_or_send()
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", Bootcamp));
        _community.Execute(new RefundOrder(Alice, "o-1", "r-1"));
        var state = _community.StreamOf(Alice);

        Assert.Same(MemberDecision.Repeat, Stream.Decide(state, new PlaceOrder(Alice, "o-1", Bootcamp)));
        Assert.Same(MemberDecision.Repeat, Stream.Decide(state, new RefundOrder(Alice, "o-1", "r-1")));
    }

    [Fact]
    public void A_product_refund_sends_its_commissions_the_amount_refunded_of_the_order()
    {
        _community.Execute(new PlaceOrder(Alice, "o-1", Bootcamp));
        var order = Assert.Single(_community.OrdersOf(Alice));

        var decision = Stream.Decide(_community.StreamOf(Alice), new RefundOrder(Alice, "o-1", "r-1", Money.Cny(100m)));

        Assert.Equal(new OrderRefundedFollowUp(order, "r-1", Money.Cny(100m)), Assert.Single(decision.FollowUps));
        var refunded = Assert.IsType<ProductRefunded>(Assert.Single(decision.Events));
        Assert.Equal(Money.Cny(100m), refunded.Amount);
    }

    [Fact]
    public void A_members_stream_folds_from_nothing_through_registration_sponsor_orders_and_refunds()
    {
        var events = new List<IDomainEvent>();
        events.AddRange(_community.Execute(new PlaceOrder(Alice, "o-1", Bootcamp)).Events);
        events.AddRange(_community.Execute(new PlaceOrder(Alice, "o-2", Vip)).Events);
        _clock.Advance(TimeSpan.FromDays(2));
        events.AddRange(_community.Execute(new RefundOrder(Alice, "o-2", "r-1")).Events);
        var registration = new IDomainEvent[] { new MemberRegistered(Alice, Sponsor, TestCommunity.Start), _community.Stream.Chain.Start(Alice).Event };

        var folded = registration.Concat(events).Aggregate(MemberStreamState.Empty(Alice), Stream.Evolve);

        Assert.Equal(Sponsor, folded.Sponsor);
        Assert.Equal(["o-1", "o-2"], folded.Orders.Select(o => o.OrderId));
        Assert.Equal(folded.Orders[1].Paid, folded.Orders[1].Refunded); // refunded in full inside cooling-off
        Assert.Equal("r-1", Assert.Single(folded.Refunds).RefundId);
        Assert.Equal(folded.Orders[0].Paid, folded.Member!.NetSpent);
        Assert.Equal(MembershipStatus.Refunded, folded.Member.Membership!.Status);
    }

    [Fact]
    public void Commands_are_refused_with_a_typed_error_naming_what_was_wrong()
    {
        var alice = _community.StreamOf(Alice);
        var nobody = MemberStreamState.Empty(9);

        AssertRefused(ErrorCodes.CommunityInvalidCommand, "Member", () => Stream.Decide(alice, new PlaceOrder(Sponsor, "o-1", Vip)));
        AssertRefused(ErrorCodes.CommunityUnknownMember, "Member", () => Stream.Decide(nobody, new PlaceOrder(9, "o-1", Vip)));
        AssertRefused(ErrorCodes.CommunityMemberExists, "Member", () => Stream.Decide(alice, new RegisterMember(Alice)));
        AssertRefused(ErrorCodes.CommunityUnknownCommand, "Command", () => Stream.Decide(alice, new BindSponsor(Alice, Sponsor)));
        AssertRefused(ErrorCodes.CommunityInvalidCommand, "Fact", () => Stream.Decide(alice, new RecordFact(new TrafficRecorded("ads", 10, TestCommunity.Start))));
        AssertRefused(ErrorCodes.CommunityUnknownOrder, "OrderId", () => Stream.Decide(alice, new RefundOrder(Alice, "o-9", "r-1")));
        AssertRefused(ErrorCodes.CommunityInvalidCommand, "Started", () => Stream.Decide(alice, new ReferralMembershipStarted(Alice, Alice, "o-1", TestCommunity.Start)));
        AssertRefused(ErrorCodes.CommunityUnknownMember, "Member", () => Stream.Decide(nobody, new ReferralMembershipStarted(9, Alice, "o-1", TestCommunity.Start)));
    }

    [Fact]
    public void An_event_of_a_member_not_registered_does_not_fold_into_the_stream()
    {
        var purchased = new ProductPurchased(Alice, "o-1", Bootcamp, CommunityModel.Catalog.ProductKind.OnlineCourse, CommunityModel.Catalog.LadderTier.Entry, Money.Cny(1m), Money.Cny(1m), TestCommunity.Start, null);

        var error = Assert.Throws<ReplayException>(() => Stream.Evolve(MemberStreamState.Empty(Alice), purchased));

        Assert.Equal(ErrorCodes.CommunityReplayMismatch, error.ErrorCode);
    }

    private static void AssertRefused(string code, string field, Action decide)
    {
        var error = Assert.ThrowsAny<CommunityModelException>(decide);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(field, Assert.Single(error.Refusals).Field);
    }
}
