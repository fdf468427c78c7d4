using CommunityModel.Commissions.Run;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Run;

public class BuyerSequenceTests
{
    /// <summary>The order numbers of every position, and the buyer each position reads, walking as a chunk does from a start.</summary>
    private static (int[] Orders, int[] Buyers) Walk(BuyerSequence sequence, int[] buyers, int from)
    {
        var orders = new int[buyers.Length - from];
        var seen = new int[buyers.Length - from];
        var buyer = from < buyers.Length && !sequence.IsIdentity ? sequence.BuyerAt(from) : 0;
        for (var p = from; p < buyers.Length; p++)
        {
            orders[p - from] = sequence.IsIdentity ? p : sequence.Orders[p];
            buyer = sequence.IsIdentity ? buyers[p] : sequence.Advance(buyer, p);
            seen[p - from] = buyer;
        }

        return (orders, seen);
    }

    [Fact]
    public void No_orders_one_member_or_orders_already_in_buyer_order_need_no_arrays()
    {
        Assert.True(BuyerSequence.Create([], 0).IsIdentity);
        Assert.True(BuyerSequence.Create([], 1_000).IsIdentity);
        Assert.True(BuyerSequence.Create([0, 0, 0], 1).IsIdentity);
        Assert.True(BuyerSequence.Create([7, 7, 7, 7], 10).IsIdentity);
        Assert.True(BuyerSequence.Create([0, 2, 2, 5], 6).IsIdentity);
        Assert.True(BuyerSequence.Create([0, 2, 2, 5], 6).Orders.IsEmpty);
    }

    [Fact]
    public void Orders_are_sorted_by_buyer_and_keep_their_batch_order_within_a_buyer()
    {
        int[] buyers = [5, 0, 5, 2, 0, 5];
        var sequence = BuyerSequence.Create(buyers, 7);

        Assert.False(sequence.IsIdentity);
        Assert.Equal([1, 4, 3, 0, 2, 5], sequence.Orders.ToArray());
        // Buyers 1, 3, 4 and 6 have no orders: their empty ranges are skipped, from any starting position.
        Assert.Equal([0, 0, 2, 5, 5, 5], Walk(sequence, buyers, 0).Buyers);
        Assert.Equal([2, 5, 5, 5], Walk(sequence, buyers, 2).Buyers);
        Assert.Equal([5], Walk(sequence, buyers, 5).Buyers);
        Assert.Equal(5, sequence.BuyerAt(3));
    }

    [Fact]
    public void Every_order_of_the_last_buyer_comes_last_and_a_buyer_with_every_order_out_of_place_is_still_stable()
    {
        int[] buyers = [3, 3, 3, 0];
        var sequence = BuyerSequence.Create(buyers, 4);

        Assert.Equal([3, 0, 1, 2], sequence.Orders.ToArray());
        Assert.Equal([0, 3, 3, 3], Walk(sequence, buyers, 0).Buyers);
        Assert.Equal(3, sequence.BuyerAt(1));
    }

    [Theory]
    [InlineData(300_000, 50_000, 1)]
    [InlineData(300_000, 2_000, 2)]
    [InlineData(1 << 20, 100_000, 3)]
    public void A_large_network_with_few_orders_and_a_few_hot_buyers_is_sorted_stably(int members, int orders, int seed)
    {
        // Few orders leave most buyers without one; a quarter of the orders go to three hot buyers, and the last
        // member buys last, so the sequence reaches the end of the network.
        var random = new Random(seed);
        var buyers = Enumerable.Range(0, orders).Select(_ => random.Next(4) == 0 ? random.Next(3) * 7_777 : random.Next(members)).ToArray();
        buyers[^1] = members - 1;
        var sequence = BuyerSequence.Create(buyers, members);

        var expected = Enumerable.Range(0, orders).OrderBy(o => buyers[o]).ToArray();
        var (walked, seen) = Walk(sequence, buyers, 0);
        Assert.Equal(expected, walked);
        Assert.Equal(expected.Select(o => buyers[o]), seen);
        Assert.Equal(buyers[expected[orders / 2]], sequence.BuyerAt(orders / 2));
    }

    [Fact]
    public void A_negative_member_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BuyerSequence.Create([], -1));
    }

    [Property(MaxTest = 1000)]
    public Property The_sequence_is_a_stable_sort_by_buyer_and_every_position_reads_its_orders_buyer() =>
        Prop.ForAll(
            Gen.Choose(1, 30).SelectMany(members => Gen.Choose(0, members - 1).ArrayOf().SelectMany(buyers => Gen.Choose(0, Math.Max(0, buyers.Length - 1)).Select(from => (members, buyers, from)))).ToArbitrary(),
            c =>
            {
                var (members, buyers, from) = c;
                var sequence = BuyerSequence.Create(buyers, members);
                var expected = Enumerable.Range(0, buyers.Length).OrderBy(o => buyers[o]).ToArray();
                var (orders, seen) = Walk(sequence, buyers, Math.Min(from, buyers.Length));
                return orders.SequenceEqual(expected.Skip(from))
                    && seen.SequenceEqual(orders.Select(o => buyers[o]))
                    && sequence.IsIdentity == buyers.SequenceEqual(buyers.Order());
            });
}
