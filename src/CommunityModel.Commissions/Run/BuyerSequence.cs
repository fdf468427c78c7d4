using System.Buffers;

namespace CommunityModel.Commissions.Run;

/// <summary>
/// The order in which a month-end run pays a batch: by buyer index (the network snapshot's pre-order), then by
/// order number. A stable counting sort, O(orders + members), one <see langword="int"/> per order and per member.
/// </summary>
/// <remarks>
/// <para>
/// The snapshot lists a member's subtree right after it, so consecutive buyers in index order share most of their
/// upline: paying in this order keeps the uplines' entries and per-member totals in cache, where paying in batch
/// order walks a random buyer's upline, about one cache miss per level once the network outgrows the caches.
/// </para>
/// <para>
/// A batch already in buyer order (including an empty batch or a one-member network) needs no arrays: the
/// sequence is then the identity and <see cref="IsIdentity"/> is <see langword="true"/>.
/// </para>
/// </remarks>
internal sealed class BuyerSequence
{
    private static readonly BuyerSequence Identity = new([], []);

    // _orders[p]: the order number at position p. _ends[b]: one past the last position of buyer b (the next
    // buyer's first position), so buyer b holds positions [_ends[b - 1], _ends[b]) with _ends[-1] read as 0.
    private readonly int[] _orders;
    private readonly int[] _ends;

    private BuyerSequence(int[] orders, int[] ends)
    {
        _orders = orders;
        _ends = ends;
    }

    /// <summary>Whether positions are order numbers (the batch is already in buyer order).</summary>
    public bool IsIdentity => ReferenceEquals(this, Identity);

    /// <summary>The order numbers by position; empty when <see cref="IsIdentity"/>.</summary>
    public ReadOnlySpan<int> Orders => _orders;

    /// <summary>Sorts a batch's order numbers by buyer, stably.</summary>
    /// <param name="buyers">Each order's buyer, every one in <c>[0, members)</c> (checked before).</param>
    /// <param name="members">The number of members in the network.</param>
    /// <returns>The sequence; the identity when the batch is already in buyer order.</returns>
    public static BuyerSequence Create(ReadOnlySpan<int> buyers, int members)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        if (IsSorted(buyers))
        {
            return Identity;
        }

        // Counts land one slot up, so the prefix sum leaves each buyer's first position at its own index; the
        // scatter then advances every buyer's cursor to its end, which is what BuyerAt reads.
        var ends = new int[members + 1];
        var orders = GC.AllocateUninitializedArray<int>(buyers.Length);
        if (members <= DirectMembers)
        {
            SortRange(buyers, [], whole: true, orders, ends, 0, members);
        }
        else
        {
            SortInBlocks(buyers, orders, ends);
        }

        return new BuyerSequence(orders, ends);
    }

    /// <summary>The buyer of the order at a position (a binary search; walk on with <see cref="Advance"/>).</summary>
    /// <param name="position">A position in <c>[0, orders)</c>.</param>
    /// <returns>The buyer index.</returns>
    public int BuyerAt(int position)
    {
        // The first buyer whose end is past the position; buyers without orders have empty ranges and are skipped.
        int low = 0, high = _ends.Length - 2;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_ends[middle] > position)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>The buyer of the order at a position, from the buyer of an earlier position.</summary>
    /// <param name="buyer">The buyer at an earlier position (or this one).</param>
    /// <param name="position">The position.</param>
    /// <returns>The buyer index.</returns>
    public int Advance(int buyer, int position)
    {
        while (_ends[buyer] <= position)
        {
            buyer++;
        }

        return buyer;
    }

    // One pass when the per-buyer cursors fit in a core's cache (256 KB); above it, every order's cursor is a cache miss.
    private const int DirectMembers = 1 << 16;

    // Buyers per block of the two-pass sort: a block's cursors (4 KB) stay in the nearest cache.
    private const int BlockShift = 10;

    /// <summary>
    /// Two passes, each touching memory it can keep in cache: order numbers are first scattered by block of 1,024
    /// consecutive buyers (few output streams), then each block is counting-sorted by buyer with its own cursors.
    /// Both passes are stable, so the result is the one-pass sort's.
    /// </summary>
    private static void SortInBlocks(ReadOnlySpan<int> buyers, int[] orders, int[] ends)
    {
        var members = ends.Length - 1;
        var blockEnds = new int[((members - 1) >> BlockShift) + 2];
        for (var o = 0; o < buyers.Length; o++)
        {
            blockEnds[(buyers[o] >> BlockShift) + 1]++;
        }

        var largest = 0;
        for (var k = 1; k < blockEnds.Length; k++)
        {
            largest = Math.Max(largest, blockEnds[k]);
            blockEnds[k] += blockEnds[k - 1];
        }

        var cursors = (int[])blockEnds.Clone();
        for (var o = 0; o < buyers.Length; o++)
        {
            orders[cursors[buyers[o] >> BlockShift]++] = o;
        }

        // Each block's orders are copied out, then sorted back into their range by buyer.
        var block = ArrayPool<int>.Shared.Rent(largest);
        try
        {
            for (var k = 0; k + 1 < blockEnds.Length; k++)
            {
                var range = orders.AsSpan(blockEnds[k], blockEnds[k + 1] - blockEnds[k]);
                range.CopyTo(block);
                SortRange(buyers, block.AsSpan(0, range.Length), whole: false, orders, ends, k << BlockShift, Math.Min(members, (k + 1) << BlockShift));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(block);
        }
    }

    /// <summary>
    /// Counting-sorts the orders of buyers <c>[first, last)</c> into their positions, which start at
    /// <c>ends[first]</c> (every earlier buyer is done, or <paramref name="first"/> is 0).
    /// </summary>
    /// <param name="buyers">Every order's buyer.</param>
    /// <param name="numbers">The order numbers to sort, in batch order (ignored when <paramref name="whole"/>).</param>
    /// <param name="whole">Whether to sort every order of the batch (buyers <c>[0, members)</c>).</param>
    /// <param name="orders">Receives the order numbers.</param>
    /// <param name="ends">Cursors: buyer b's count goes to <c>ends[b + 1]</c>, and each buyer's end is left at <c>ends[b]</c>.</param>
    /// <param name="first">The first buyer.</param>
    /// <param name="last">One past the last buyer.</param>
    private static void SortRange(ReadOnlySpan<int> buyers, ReadOnlySpan<int> numbers, bool whole, int[] orders, int[] ends, int first, int last)
    {
        var count = whole ? buyers.Length : numbers.Length;
        for (var i = 0; i < count; i++)
        {
            ends[buyers[whole ? i : numbers[i]] + 1]++;
        }

        for (var b = first + 1; b <= last; b++)
        {
            ends[b] += ends[b - 1];
        }

        for (var i = 0; i < count; i++)
        {
            var o = whole ? i : numbers[i];
            orders[ends[buyers[o]]++] = o;
        }
    }

    private static bool IsSorted(ReadOnlySpan<int> buyers)
    {
        for (var o = 1; o < buyers.Length; o++)
        {
            if (buyers[o] < buyers[o - 1])
            {
                return false;
            }
        }

        return true;
    }
}
