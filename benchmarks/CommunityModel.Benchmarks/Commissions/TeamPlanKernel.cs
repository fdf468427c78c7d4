namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// The minimal loop a performance engineer writes for exactly <see cref="TeamPlan"/>: a parent array, a rank
/// byte per member, integer basis points and one <c>long</c> accumulator (fen) per member. No
/// explanations, no ledger lines, one thread: the floor the library's engine is measured against.
/// </summary>
public static class TeamPlanKernel
{
    /// <summary>Pays a whole workload into fresh totals.</summary>
    /// <param name="workload">The workload.</param>
    /// <param name="parents">Its <see cref="TeamRunWorkload.Parents"/>, extracted once.</param>
    /// <param name="totals">Per-member totals in fen, cleared first.</param>
    /// <returns><paramref name="totals"/>.</returns>
    public static long[] Run(TeamRunWorkload workload, int[] parents, long[] totals)
    {
        Array.Clear(totals);
        Pay(parents, workload.Ranks, workload.Buyers, workload.Bases, totals);
        return totals;
    }

    /// <summary>
    /// Groups the orders by buyer, in the network's order (a member's subtree right after it), batch order kept within a
    /// buyer: a stable counting sort of the (buyer, base) pairs into caller-owned arrays, one thread, nothing allocated. Then
    /// consecutive orders share most of their upline and <see cref="Pay"/> finds it in cache.
    /// </summary>
    /// <param name="buyers">Each order's buyer index.</param>
    /// <param name="bases">Each order's base in fen.</param>
    /// <param name="starts">Scratch of one entry per member plus one.</param>
    /// <param name="sortedBuyers">Receives the buyers grouped.</param>
    /// <param name="sortedBases">Receives the bases in the same order.</param>
    public static void GroupByBuyer(int[] buyers, long[] bases, int[] starts, int[] sortedBuyers, long[] sortedBases)
    {
        Array.Clear(starts);
        for (var o = 0; o < buyers.Length; o++)
        {
            starts[buyers[o] + 1]++;
        }

        for (var b = 1; b < starts.Length; b++)
        {
            starts[b] += starts[b - 1];
        }

        for (var o = 0; o < buyers.Length; o++)
        {
            var at = starts[buyers[o]]++;
            sortedBuyers[at] = buyers[o];
            sortedBases[at] = bases[o];
        }
    }

    /// <summary>Pays every order and adds each member's earnings (levels + differential + peer) to <paramref name="totals"/>.</summary>
    /// <param name="parents">The sponsor index of each member, -1 for a root.</param>
    /// <param name="ranks">Each member's rank byte (0 = none, 1 to 4).</param>
    /// <param name="buyers">Each order's buyer index (the seller).</param>
    /// <param name="bases">Each order's base in fen.</param>
    /// <param name="totals">Per-member totals in fen, added to.</param>
    public static void Pay(int[] parents, byte[] ranks, int[] buyers, long[] bases, long[] totals)
    {
        ReadOnlySpan<long> levels = TeamPlan.LevelBasisPoints;
        ReadOnlySpan<long> rates = TeamPlan.RankBasisPoints;
        for (var o = 0; o < buyers.Length; o++)
        {
            var seller = buyers[o];
            var b = bases[o];

            // Three levels above the seller.
            var u = parents[seller];
            for (var level = 0; level < levels.Length && u >= 0; level++, u = parents[u])
            {
                totals[u] += b * levels[level] / 10_000;
            }

            // Differential from the seller up (cumulative rounding), with the peer bonus behind each holder, to the plan's depth.
            var held = 0;
            var paidSoFar = 0L;
            var peersLeft = 0;
            u = seller;
            for (var depth = 0; u >= 0 && depth <= TeamPlan.MaxDepth; u = parents[u], depth++)
            {
                int rank = ranks[u];
                if (rank > held)
                {
                    var cumulative = b * rates[rank] / 10_000;
                    totals[u] += cumulative - paidSoFar;
                    paidSoFar = cumulative;
                    held = rank;
                    peersLeft = TeamPlan.PeerGenerations;
                }
                else if (rank == held && peersLeft > 0)
                {
                    totals[u] += b * TeamPlan.PeerBasisPoints / 10_000;
                    peersLeft--;
                }

                if (held == TeamPlan.TopRank && peersLeft == 0)
                {
                    break;
                }
            }
        }
    }
}
