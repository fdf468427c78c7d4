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

    /// <summary>
    /// The month-end engine's algorithm written by hand for exactly <see cref="TeamPlan"/>, one thread: group the orders'
    /// bases by buyer (a counting sort into caller-owned arrays), sum <c>⌊B·r⌋</c> over each buyer's orders for the plan's
    /// six distinct rates, then walk each buyer's upline once and pay every line its difference of sums. Exact: a line pays
    /// <c>⌊B·plus⌋ − ⌊B·minus⌋</c> and who earns it depends on the buyer alone, so a buyer's lines add up to
    /// <c>S(plus) − S(minus)</c>. Adds to <paramref name="totals"/>; nothing allocated.
    /// </summary>
    /// <param name="parents">The sponsor index of each member, -1 for a root.</param>
    /// <param name="ranks">Each member's rank byte (0 = none, 1 to 4).</param>
    /// <param name="buyers">Each order's buyer index (the seller).</param>
    /// <param name="bases">Each order's base in fen.</param>
    /// <param name="starts">Scratch of one entry per member plus one.</param>
    /// <param name="sortedBases">Scratch of one entry per order: the bases grouped by buyer.</param>
    /// <param name="totals">Per-member totals in fen, added to.</param>
    public static void PaySummedPerBuyer(int[] parents, byte[] ranks, int[] buyers, long[] bases, int[] starts, long[] sortedBases, long[] totals)
    {
        // Group: count, prefix, scatter the bases only (after the scatter starts[b] is where buyer b's run ends).
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
            sortedBases[starts[buyers[o]]++] = bases[o];
        }

        // Sum per buyer, then one walk per buyer, in the network's order.
        Span<long> byRank = stackalloc long[TeamPlan.TopRank + 1];
        var begin = 0;
        for (var seller = 0; seller < parents.Length; seller++)
        {
            var end = starts[seller];
            if (end == begin)
            {
                continue;
            }

            // The six distinct rates of the plan: levels 10% / 5% / 3%, ranks 5% / 10% / 15% / 20%, peer 2%.
            long s300 = 0, s500 = 0, s1000 = 0, s1500 = 0, s2000 = 0, s200 = 0;
            for (var o = begin; o < end; o++)
            {
                var b = sortedBases[o];
                s200 += b * 200 / 10_000;
                s300 += b * 300 / 10_000;
                s500 += b * 500 / 10_000;
                s1000 += b * 1000 / 10_000;
                s1500 += b * 1500 / 10_000;
                s2000 += b * 2000 / 10_000;
            }

            begin = end;

            // Levels: the seller's sponsor 10%, the next 5%, the next 3%.
            var u = parents[seller];
            if (u >= 0)
            {
                totals[u] += s1000;
                u = parents[u];
                if (u >= 0)
                {
                    totals[u] += s500;
                    u = parents[u];
                    if (u >= 0)
                    {
                        totals[u] += s300;
                    }
                }
            }

            // Differential from the seller up (cumulative: each holder earns S(its rate) − S(the rate paid below)), the peer
            // bonus behind each holder, to the plan's depth.
            byRank[0] = 0;
            byRank[1] = s500;
            byRank[2] = s1000;
            byRank[3] = s1500;
            byRank[4] = s2000;
            var held = 0;
            var peersLeft = 0;
            u = seller;
            for (var depth = 0; u >= 0 && depth <= TeamPlan.MaxDepth; u = parents[u], depth++)
            {
                int rank = ranks[u];
                if (rank > held)
                {
                    totals[u] += byRank[rank] - byRank[held];
                    held = rank;
                    peersLeft = TeamPlan.PeerGenerations;
                }
                else if (rank == held && peersLeft > 0)
                {
                    totals[u] += s200;
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
