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
        for (var o = 0; o < buyers.Length; o++)
        {
            ends[buyers[o] + 1]++;
        }

        for (var b = 1; b < ends.Length; b++)
        {
            ends[b] += ends[b - 1];
        }

        var orders = GC.AllocateUninitializedArray<int>(buyers.Length);
        for (var o = 0; o < buyers.Length; o++)
        {
            orders[ends[buyers[o]]++] = o;
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
