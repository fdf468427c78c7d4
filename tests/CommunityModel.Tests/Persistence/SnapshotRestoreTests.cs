using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Persistence;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Persistence;

public class SnapshotRestoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_lifecycle_state_round_trips_through_its_snapshot_and_json()
    {
        var state = LifecycleState.Restore(7, LifecycleStage.Suspended, 5, Start.AddDays(9), [new(LifecycleStage.Prospect, Start), new(LifecycleStage.Member, Start.AddDays(3)), new(LifecycleStage.Suspended, Start.AddDays(9))], LifecycleStage.Member);

        var restored = LifecycleState.Restore(SnapshotProperties.RoundTrip(state.ToSnapshot(), CommunityJsonContext.Default.LifecycleSnapshot));

        Assert.Equal(state, restored);
        Assert.Equal(LifecycleStage.Member, restored.SuspendedFrom);
        Assert.Equal(Start.AddDays(3), restored.FirstEnteredAt(LifecycleStage.Member));
    }

    [Fact]
    public void A_lifecycle_snapshot_that_contradicts_itself_is_refused()
    {
        var snapshot = new LifecycleSnapshot(7, LifecycleStage.Member, 0, Start, []);

        var error = Assert.Throws<InvalidLifecycleStateException>(() => LifecycleState.Restore(snapshot));

        Assert.Equal(ErrorCodes.LifecycleInvalidState, error.ErrorCode);
        Assert.Contains("version 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_membership_snapshot_holds_every_use_and_restores_an_equal_membership()
    {
        var clock = new FakeTimeProvider(Start);
        var desk = new MembershipDesk(new MembershipPlanBuilder().UseSeedBusiness().Build(SeedBusiness.CreateCatalog()), clock);
        var purchase = desk.Purchase(7, SeedBusiness.Vip);
        var used = desk.Consume(purchase.Membership, SeedBusiness.OfflineCourse, "k-1");

        var snapshot = SnapshotProperties.RoundTrip(used.Membership.ToSnapshot(), CommunityJsonContext.Default.MembershipSnapshot);
        var restored = Membership.Restore(snapshot);

        Assert.Equal(Membership.Replay([.. purchase.Events, .. used.Events]), restored);
        Assert.True(restored.HasConsumed("k-1"));
        Assert.Equal(new EntitlementUse("k-1", SeedBusiness.OfflineCourse), Assert.Single(snapshot.Uses));
    }

    [Fact]
    public void A_membership_snapshot_that_contradicts_itself_is_refused_naming_every_problem()
    {
        var clock = new FakeTimeProvider(Start);
        var desk = new MembershipDesk(new MembershipPlanBuilder().UseSeedBusiness().Build(SeedBusiness.CreateCatalog()), clock);
        var snapshot = desk.Purchase(7, SeedBusiness.Vip).Membership.ToSnapshot();
        var overused = snapshot.Entitlements.First(l => l.Quantity is not null);
        var broken = snapshot with { TierId = " ", Credit = Money.Usd(0m), Entitlements = [overused with { Consumed = overused.Quantity!.Value + 1 }] };

        var error = Assert.Throws<MembershipRefusedException>(() => Membership.Restore(broken));

        Assert.Equal(ErrorCodes.InvalidMembershipSnapshot, error.ErrorCode);
        Assert.Equal(3, error.Refusals.Length);
        Assert.Contains("no tier", error.Message, StringComparison.Ordinal);
        Assert.Contains("mixes currencies", error.Message, StringComparison.Ordinal);
        Assert.Contains(overused.ProductId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_snapshot_keeps_binding_times_locks_promoters_and_history()
    {
        var clock = new FakeTimeProvider(Start);
        var network = new ReferralNetwork(new ReferralOptions(), clock);
        network.Register(1);
        network.Register(2, 1);
        network.Register(3);
        clock.Advance(TimeSpan.FromDays(2));
        network.Reassign(2, 3, "merged accounts");
        network.RecordCommissionableOrder(2);
        network.Apply(new PromoterRightsGranted(3, "gift", Rate.FromPercent(10), clock.GetUtcNow()));

        var snapshot = SnapshotProperties.RoundTrip(network.ToSnapshot(), CommunityJsonContext.Default.ReferralNetworkSnapshot);
        var restored = ReferralNetwork.Restore(snapshot, new ReferralOptions(), clock);

        Assert.Equal(new ReferralNode(2, 3, Start, Start.AddDays(2), Locked: true), snapshot.Nodes[1]);
        Assert.Equal(new MemberId(3), Assert.Single(snapshot.Promoters));
        Assert.Equal(6, snapshot.EventCount);
        Assert.Equal(new MemberId(3), restored.SponsorOf(2));
        Assert.True(restored.IsPromoter(3));
        Assert.Single(restored.SponsorChangesSince(Start).Changes);
        Assert.Null(restored.RecordCommissionableOrder(2));
    }

    [Fact]
    public void A_referral_snapshot_with_a_member_twice_or_an_unregistered_sponsor_is_refused()
    {
        var snapshot = new ReferralNetworkSnapshot([new(1, default, Start, Start, false), new(1, default, Start, Start, false), new(2, 9, Start, Start, false)], [new(4, 1, default, Start)], [], 3);

        var error = Assert.Throws<ReferralException>(() => ReferralNetwork.Restore(snapshot, new ReferralOptions(), TimeProvider.System));

        Assert.Equal(ErrorCodes.ReferralInvalidSnapshot, error.ErrorCode);
        Assert.Equal(3, error.Refusals.Length);
        Assert.Contains("member 1 twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("to 9, who is not registered", error.Message, StringComparison.Ordinal);
        Assert.Contains("change of member 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_snapshot_with_a_cycle_is_refused()
    {
        var snapshot = new ReferralNetworkSnapshot([new(1, 3, Start, Start, false), new(2, 1, Start, Start, false), new(3, 2, Start, Start, false)], [], [], 3);

        var error = Assert.Throws<ReferralException>(() => ReferralNetwork.Restore(snapshot, new ReferralOptions(), TimeProvider.System));

        Assert.Equal(ErrorCodes.ReferralInvalidSnapshot, error.ErrorCode);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }
}
