using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Orders;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Orleans.Tests.Orders;

[Collection(ClusterCollection.Name)]
public sealed class OrderIdClaimTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Members_racing_for_one_new_order_id_give_it_to_exactly_one_and_refuse_the_rest_as_an_id_conflict()
    {
        const int racers = 16;
        var first = fixture.NextIds(racers);
        for (var i = 0; i < racers; i++)
        {
            Assert.True((await Grains.GetGrain<IMemberGrain>(first + i).Register(0)).Accepted);
        }

        var orderId = $"contested-{first}";
        var outcomes = await Task.WhenAll(Enumerable.Range(0, racers).Select(i => Task.Run(() =>
            Grains.GetGrain<IMemberGrain>(first + i).Execute(new PlaceOrder(new MemberId(first + i), orderId, OfflineCourse)))));

        var winners = Enumerable.Range(0, racers).Where(i => outcomes[i].Accepted).ToArray();
        var winner = Assert.Single(winners);
        Assert.All(Enumerable.Range(0, racers).Where(i => i != winner), i =>
        {
            Assert.Equal(ErrorCodes.CommunityIdConflict, Assert.Single(outcomes[i].Refusals).Code);
            Assert.Equal("OrderId", outcomes[i].Refusals[0].Field);
        });

        // Only the winner holds the order, the order grain names the winner to any later claimant, and the winner's
        // order was paid into the order grain (a partial refund of it is accepted), so no follow-up is left undelivered.
        for (var i = 0; i < racers; i++)
        {
            var orders = await Grains.GetGrain<IMemberGrain>(first + i).GetOrders();
            Assert.Equal(i == winner ? 1 : 0, orders.Count(o => o.OrderId == orderId));
        }

        Assert.Equal(first + winner, await Grains.GetGrain<IOrderGrain>(orderId).Claim(first + ((winner + 1) % racers)));
        Assert.NotEqual("Refused", (await Grains.GetGrain<IOrderGrain>(orderId).Refund($"r-{first}", 1)).Outcome);
    }

    [Fact]
    public async Task An_order_id_claimed_by_a_refused_order_is_released_for_the_next_member()
    {
        var first = fixture.NextIds(2);
        Assert.True((await Grains.GetGrain<IMemberGrain>(first).Register(0)).Accepted);
        Assert.True((await Grains.GetGrain<IMemberGrain>(first + 1).Register(0)).Accepted);
        var orderId = $"released-{first}";

        var refused = await Grains.GetGrain<IMemberGrain>(first).Execute(new PlaceOrder(new MemberId(first), orderId, "no-such-item"));
        Assert.False(refused.Accepted);
        Assert.NotEqual(ErrorCodes.CommunityIdConflict, refused.Refusals[0].Code);

        var placed = await Grains.GetGrain<IMemberGrain>(first + 1).Execute(new PlaceOrder(new MemberId(first + 1), orderId, OfflineCourse));
        Assert.True(placed.Accepted, placed.Refusals.FirstOrDefault()?.Message);
        var late = await Grains.GetGrain<IMemberGrain>(first).Execute(new PlaceOrder(new MemberId(first), orderId, OfflineCourse));
        Assert.Equal(ErrorCodes.CommunityIdConflict, Assert.Single(late.Refusals).Code);
    }
}
