namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// The minimal rank qualification a performance engineer writes for <see cref="TeamPlan"/>'s rules: personal
/// volume summed from the order arrays, then one reverse pass over the pre-order indices (children before
/// sponsors) that adds team volume, counts direct referrals and legs per rank, and gives each member the
/// highest rank whose every rule holds.
/// </summary>
public static class RankQualificationKernel
{
    private const int Ranks = TeamPlan.TopRank + 1;

    /// <summary>Qualifies every member.</summary>
    /// <param name="parents">The sponsor index of each member, -1 for a root; sponsors have lower indices.</param>
    /// <param name="buyers">Each order's buyer index.</param>
    /// <param name="bases">Each order's base in fen.</param>
    /// <returns>Each member's rank byte.</returns>
    public static byte[] Qualify(int[] parents, int[] buyers, long[] bases)
    {
        var n = parents.Length;
        var personal = new long[n];
        for (var o = 0; o < buyers.Length; o++)
        {
            personal[buyers[o]] += bases[o];
        }

        var team = (long[])personal.Clone();
        var direct = new int[n];
        var legs = new int[n * Ranks];
        var subtreeMax = new byte[n];
        var ranks = new byte[n];
        ReadOnlySpan<long> minPersonal = TeamPlan.MinPersonalVolume;
        ReadOnlySpan<long> minTeam = TeamPlan.MinTeamVolume;
        ReadOnlySpan<int> minDirect = TeamPlan.MinDirectReferrals;
        ReadOnlySpan<int> minLegs = TeamPlan.MinQualifiedLegs;
        ReadOnlySpan<byte> legRank = TeamPlan.LegRank;
        for (var i = n - 1; i >= 0; i--)
        {
            byte rank = 0;
            for (var r = TeamPlan.TopRank; r >= 1; r--)
            {
                if (personal[i] >= minPersonal[r] && team[i] >= minTeam[r] && direct[i] >= minDirect[r] && legs[(i * Ranks) + legRank[r]] >= minLegs[r])
                {
                    rank = (byte)r;
                    break;
                }
            }

            ranks[i] = rank;
            var highest = Math.Max(subtreeMax[i], rank);
            var p = parents[i];
            if (p >= 0)
            {
                team[p] += team[i];
                direct[p]++;
                for (var x = 0; x <= highest; x++)
                {
                    legs[(p * Ranks) + x]++;
                }

                subtreeMax[p] = Math.Max(subtreeMax[p], highest);
            }
        }

        return ranks;
    }
}
