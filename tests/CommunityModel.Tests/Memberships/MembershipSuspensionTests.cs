using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

public class MembershipSuspensionTests
{
    private static readonly MemberId Alice = 1024;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly MembershipDesk _desk;

    public MembershipSuspensionTests() => _desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);

    [Fact]
    public void A_suspended_member_cannot_consume_renew_upgrade_or_buy_promoter_rights()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;

        var suspended = _desk.Suspend(m, "posted banned topics in the big group");

        Assert.Equal(new MembershipSuspended(Alice, "posted banned topics in the big group", _clock.GetUtcNow()), suspended.Events.Single());
        var s = suspended.Membership;
        Assert.True(s.IsSuspended);
        Assert.Contains(ErrorCodes.MembershipSuspended, _desk.TryConsume(s, SeedBusiness.OfflineCourse, "a-1").Refusals.Select(r => r.Code));
        Assert.Contains(ErrorCodes.MembershipSuspended, _desk.TryUpgrade(s, SeedBusiness.Ka).Refusals.Select(r => r.Code));
        Assert.Equal(ErrorCodes.MembershipSuspended, Assert.Throws<MembershipRefusedException>(() => _desk.Renew(s)).ErrorCode);
        Assert.Equal(ErrorCodes.MembershipSuspended, Assert.Throws<MembershipRefusedException>(() => _desk.QuoteUpgrade(s, SeedBusiness.Ka)).ErrorCode);
        Assert.Equal(ErrorCodes.MembershipSuspended, Assert.Throws<MembershipRefusedException>(() => _desk.BuyPromoterRights(s, SeedBusiness.GiftPackTier)).ErrorCode);
        Assert.Equal(1, s.Balance(SeedBusiness.OfflineCourse, _desk.Today));
    }

    [Fact]
    public void Reinstating_lifts_the_suspension_and_the_membership_can_be_used_again()
    {
        var s = _desk.Suspend(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, "rule breach").Membership;

        var reinstated = _desk.Reinstate(s, "review passed");
        var used = _desk.Consume(reinstated.Membership, SeedBusiness.OfflineCourse, "a-1");

        Assert.Equal(new MembershipReinstated(Alice, "review passed", _clock.GetUtcNow()), reinstated.Events.Single());
        Assert.False(reinstated.Membership.IsSuspended);
        Assert.Equal(0, used.Membership.Balance(SeedBusiness.OfflineCourse, _desk.Today));
    }

    [Fact]
    public void Suspending_twice_or_reinstating_a_member_not_suspended_is_refused_and_a_reason_is_needed()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        var s = _desk.Suspend(m, "rule breach").Membership;

        Assert.Equal(ErrorCodes.SuspensionStateConflict, Assert.Throws<MembershipRefusedException>(() => _desk.Suspend(s, "again")).ErrorCode);
        Assert.Equal(ErrorCodes.SuspensionStateConflict, Assert.Throws<MembershipRefusedException>(() => _desk.Reinstate(m, "nothing to lift")).ErrorCode);
        Assert.Throws<ArgumentException>(() => _desk.Suspend(m, " "));
    }

    [Fact]
    public void A_suspended_member_can_still_be_refunded_and_suspension_survives_replay()
    {
        var events = new List<IMembershipEvent>();
        var bought = _desk.Purchase(Alice, SeedBusiness.Vip);
        events.AddRange(bought.Events);
        var suspended = _desk.Suspend(bought.Membership, "rule breach");
        events.AddRange(suspended.Events);

        var refunded = _desk.Refund(suspended.Membership);
        events.AddRange(refunded.Events);

        Assert.Equal(MembershipStatus.Refunded, refunded.Membership.Status);
        Assert.Equal(refunded.Membership, Membership.Replay(events));
        Assert.True(Membership.Replay(events).IsSuspended);
        Assert.Equal(ErrorCodes.MembershipSuspended, Assert.Throws<MembershipRefusedException>(() => _desk.Purchase(Alice, SeedBusiness.Vip, refunded.Membership)).ErrorCode);
    }
}
