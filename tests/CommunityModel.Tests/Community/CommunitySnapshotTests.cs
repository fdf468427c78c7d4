using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Community;

public class CommunitySnapshotTests
{
    private readonly FakeTimeProvider _clock = new(TestCommunity.Start);

    [Fact]
    public void A_restored_community_takes_the_next_command_as_the_original_would()
    {
        var original = TestCommunity.Create(_clock);
        original.Execute(new RegisterMember(1));
        original.Execute(new PlaceOrder(1, "o-1", Vip));
        var restored = TestCommunity.Create(_clock);
        restored.Restore(original.ToSnapshot());

        var next = restored.Execute(new RegisterMember(2, 1));
        restored.Execute(new PlaceOrder(2, "o-2", Vip));

        Assert.Single(next.EventsOf<CommunityModel.Referrals.MemberRegistered>());
        Assert.Equal("VIP-000002", restored.Member(2).Number?.Text); // the issuer resumed after the restored number
        Assert.True(restored.Execute(new PlaceOrder(1, "o-1", Vip)).IsRepeat);
    }

    [Fact]
    public void A_snapshot_is_refused_by_a_community_that_is_not_empty_or_when_it_contradicts_itself()
    {
        var original = TestCommunity.Create(_clock);
        original.Execute(new RegisterMember(1));
        original.Execute(new PlaceOrder(1, "o-1", Bootcamp));
        var snapshot = original.ToSnapshot();

        var notEmpty = Assert.Throws<CommunityException>(() => original.Restore(snapshot));
        var twice = Assert.Throws<CommunityException>(() => TestCommunity.Create(_clock).Restore(snapshot with { Members = [snapshot.Members[0], snapshot.Members[0]] }));
        var orphan = Assert.Throws<CommunityException>(() => TestCommunity.Create(_clock).Restore(snapshot with { Members = [] }));

        Assert.Equal(ErrorCodes.CommunityInvalidSnapshot, notEmpty.ErrorCode);
        Assert.Contains("not empty", notEmpty.Message, StringComparison.Ordinal);
        Assert.Contains("member 1 twice", twice.Message, StringComparison.Ordinal);
        Assert.Contains("order 'o-1' of member 1", orphan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_listing_a_members_orders_apart_restores_each_members_orders_in_the_order_listed()
    {
        var original = TestCommunity.Create(_clock);
        original.Execute(new RegisterMember(1));
        original.Execute(new RegisterMember(2));
        original.Execute(new PlaceOrder(1, "o-1", Bootcamp));
        original.Execute(new PlaceOrder(2, "o-2", Bootcamp));
        original.Execute(new PlaceOrder(1, "o-3", Vip));
        var snapshot = original.ToSnapshot();
        var byId = snapshot.Orders.ToDictionary(o => o.OrderId);

        // Another writer of snapshots may interleave the members' orders: member 1, member 2, member 1 again.
        var restored = TestCommunity.Create(_clock);
        restored.Restore(snapshot with { Orders = [byId["o-1"], byId["o-2"], byId["o-3"]] });

        Assert.Equal(["o-1", "o-3"], restored.OrdersOf(1).Select(o => o.OrderId));
        Assert.Equal(["o-2"], restored.OrdersOf(2).Select(o => o.OrderId));
        Assert.True(restored.Execute(new PlaceOrder(1, "o-3", Vip)).IsRepeat);
    }
}
