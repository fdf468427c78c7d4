using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

/// <summary>
/// What ends with a term or a window: an entitlement that expires or is revoked records the quota left unused (none
/// once it was used up), and the cooling-off window ends exactly seven days after payment, for the term and for
/// promoter rights alike.
/// </summary>
public class MembershipTermEndTests
{
    private static readonly MemberId Alice = 1024;
    private static readonly DateTimeOffset Paid = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly FakeTimeProvider _clock = new(Paid);
    private readonly MembershipDesk _desk;

    public MembershipTermEndTests() => _desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);

    [Fact]
    public void A_used_up_course_expires_at_the_term_end_with_nothing_left_unused()
    {
        var m = _desk.Consume(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "attendance-1").Membership;
        _clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));

        var change = _desk.Refresh(m);

        Assert.Contains(new EntitlementExpired(Alice, SeedBusiness.OfflineCourse, m.Terms[0].Period, 0, _clock.GetUtcNow()), change.Events);
        Assert.Contains(new EntitlementExpired(Alice, SeedBusiness.OnlineCourses, m.Terms[0].Period, null, _clock.GetUtcNow()), change.Events);
    }

    [Fact]
    public void An_upgrade_revokes_a_used_up_course_with_nothing_left_unused_and_an_unused_one_with_its_quota()
    {
        var used = _desk.Consume(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "attendance-1").Membership;
        var unused = _desk.Purchase(2048, SeedBusiness.Vip).Membership;
        _clock.Advance(TimeSpan.FromDays(30));

        var fromUsed = _desk.Upgrade(used, SeedBusiness.Ka);
        var fromUnused = _desk.Upgrade(unused, SeedBusiness.Ka);

        Assert.Contains(new EntitlementRevoked(Alice, SeedBusiness.OfflineCourse, used.Terms[0].Period, 0, _clock.GetUtcNow()), fromUsed.Events);
        Assert.Contains(new EntitlementRevoked(2048, SeedBusiness.OfflineCourse, unused.Terms[0].Period, 1, _clock.GetUtcNow()), fromUnused.Events);
    }

    [Fact]
    public void The_cooling_off_window_ends_seven_days_after_payment_for_the_term_and_the_promoter_rights()
    {
        var m = _desk.BuyPromoterRights(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.GiftPackTier).Membership;
        _clock.SetUtcNow(Paid.AddDays(7).AddTicks(-1));
        var inside = _desk.QuoteRefund(m);
        _clock.SetUtcNow(Paid.AddDays(7));

        var after = _desk.QuoteRefund(m);

        // Inside the window: all of the ¥3,600 term and the ¥399 rights. From the seventh day on: 358 of the term's
        // 365 days, ¥3,600 × 358 / 365 = ¥3,530.958… → ¥3,530.96 (the larger remainder of the split), and no rights.
        Assert.Equal((Money.Cny(3999m), RefundBasis.CoolingOff), (inside.Amount, inside.Basis));
        Assert.Equal((Money.Cny(3530.96m), RefundBasis.ProRata), (after.Amount, after.Basis));
    }
}
