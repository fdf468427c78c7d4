using System.Collections.Immutable;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Lifecycle;
using CommunityModel.Orleans.Members;
using CommunityModel.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CommunityModel.Orleans.Tests.Serialization;

[Collection(ClusterCollection.Name)]
public sealed class CommunityModelSerializationTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset At = new(2025, 1, 15, 9, 30, 0, TimeSpan.FromHours(8));

    private Serializer Serializer => fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    [Fact]
    public void A_domain_event_declared_as_the_interface_round_trips_as_its_own_type()
    {
        IDomainEvent[] events =
        [
            new CommissionAccrued(new CommissionKey("o-1", 7, "levels/1"), 1, Money.Cny(360m), Money.Cny(3600m), At.AddDays(7), At),
            new SponsorBound(7, 3, default, At),
            new MemberTransitioned(7, LifecycleStage.Prospect, LifecycleStage.Fan, LifecycleTrigger.Followed, null, At, 1, []),
        ];

        foreach (var e in events)
        {
            var back = Serializer.Deserialize<IDomainEvent>(Serializer.SerializeToArray(e));
            Assert.Equal(e.GetType(), back!.GetType());
            Assert.Equal(e, back);
        }
    }

    [Fact]
    public void A_lifecycle_state_crosses_as_its_snapshot()
    {
        var state = LifecycleState.Restore(new LifecycleSnapshot(7, LifecycleStage.Customer, 3, At, [new(LifecycleStage.Fan, At.AddDays(-2)), new(LifecycleStage.Customer, At)], null));

        var back = Serializer.Deserialize<LifecycleState>(Serializer.SerializeToArray(state));

        Assert.Equal(state, back);
        Assert.Equal(LifecycleStage.Customer, back!.Stage);
        Assert.Equal(At.AddDays(-2), back.FirstEnteredAt(LifecycleStage.Fan));
    }

    [Fact]
    public async Task Library_events_cross_a_grain_boundary_both_ways()
    {
        var first = fixture.NextIds(2);
        var member = fixture.Grains.GetGrain<IMemberGrain>(first);
        Assert.True((await member.Register(0)).Accepted);
        var accrued = new CommissionAccrued(new CommissionKey($"ser-{first}", first, "levels/1"), 1, Money.Cny(12.34m), Money.Cny(123.40m), At, At);

        Assert.Equal(1, await member.ReceiveCommissions([accrued]));
        var back = await member.GetAccountEvents();

        Assert.Equal([accrued], back);
        Assert.Equal(1234, (await member.GetBalance()).Available);
    }

    [Fact]
    public void A_flash_sale_grains_events_are_stored_as_json_and_read_back_equal()
    {
        var order = new PlaceOrder(7, "fs-1-o", "online-courses", Money.Cny(990m), "秒杀 Flash sale 'fs-1': flash-sale price") { Play = "fs-1", PlayKind = Campaigns.PlayKind.FlashSale };
        IDomainEvent[] events = [new Campaigns.FlashSales.FlashSaleSold("fs-1", 7, "fs-1-o", Money.Cny(990m), At), new Events.PlayOrderReserved("fs-1", order, At)];
        var registry = Events.ClusterEventTypes.Registry();

        foreach (var e in events)
        {
            var type = registry.Of(e);
            var back = (IDomainEvent)System.Text.Json.JsonSerializer.Deserialize(System.Text.Json.JsonSerializer.Serialize(e, type.TypeInfo), registry.Get(type.Name).TypeInfo)!;
            Assert.Equal(e, back);
        }

        Assert.Equal("cluster.play_order_reserved.v1", registry.Of(events[1]).Name);
    }

    [Fact]
    public void Only_library_types_the_shipped_contexts_describe_go_as_json()
    {
        Assert.True(Orleans.Serialization.CommunityModelSerialization.IsLibraryJsonType(typeof(CommissionAccrued)));
        Assert.True(Orleans.Serialization.CommunityModelSerialization.IsLibraryJsonType(typeof(LedgerSnapshot)));
        Assert.False(Orleans.Serialization.CommunityModelSerialization.IsLibraryJsonType(typeof(string)));
        Assert.False(Orleans.Serialization.CommunityModelSerialization.IsLibraryJsonType(typeof(LifecycleState)));
        Assert.False(Orleans.Serialization.CommunityModelSerialization.IsLibraryJsonType(typeof(MemberNode)));
        _ = ImmutableArray<int>.Empty;
    }
}
