using CommunityModel.Commissions.Run;
using CommunityModel.Referrals;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// The seeded month-end workload of the benchmark team plan, in the compact form a batch reads: a
/// <see cref="NetworkSnapshot"/> with a realistic skewed tree, one rank byte per member, and orders as two
/// parallel arrays (buyer index, base in fen). Deterministic for a seed.
/// </summary>
/// <remarks>
/// <para>
/// Tree: member k (in joining order) is referred by an earlier member chosen by preferential attachment to
/// recent members: an offset back from k drawn as <c>k·u²</c> (most sponsors joined recently), and half
/// the time that candidate's own sponsor instead (a sponsor with many referrals is picked in proportion to
/// them: a few leaders get very wide). One member in 20,000 starts a new tree. At 1,000,000 members this
/// gives a maximum depth near 30 and a heavy-tailed fan-out.
/// </para>
/// <para>
/// Ranks: a fixed distribution (60% none, 25% rank 1, 10% rank 2, 4% rank 3, 1% rank 4), so the kernel and
/// the engine pay on the same ranks. Orders: buyers uniform over members, bases uniform from ¥9.90 to ¥3,600.00.
/// </para>
/// </remarks>
public sealed class TeamRunWorkload
{
    /// <summary>The first member id; ids are spread (× 7919) so they are not dense indices.</summary>
    public const long FirstMemberId = 1_000_000_000L;

    private TeamRunWorkload(NetworkSnapshot network, byte[] ranks, int[] buyers, long[] bases)
    {
        Network = network;
        Ranks = ranks;
        Buyers = buyers;
        Bases = bases;
    }

    /// <summary>The network.</summary>
    public NetworkSnapshot Network { get; }

    /// <summary>Each member's rank by snapshot index: 0 = none, 1 to 4 = the ladder, lowest first.</summary>
    public byte[] Ranks { get; }

    /// <summary>Each order's buyer (the seller of the sale) as a snapshot index.</summary>
    public int[] Buyers { get; }

    /// <summary>Each order's commissionable base in fen.</summary>
    public long[] Bases { get; }

    /// <summary>A workload from given parts (small hand-built cases).</summary>
    /// <param name="network">The network.</param>
    /// <param name="ranks">Each member's rank byte by snapshot index.</param>
    /// <param name="buyers">Each order's buyer index.</param>
    /// <param name="bases">Each order's base in fen.</param>
    /// <returns>The workload.</returns>
    public static TeamRunWorkload Create(NetworkSnapshot network, byte[] ranks, int[] buyers, long[] bases)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNotEqual(ranks.Length, network.Count);
        ArgumentOutOfRangeException.ThrowIfNotEqual(bases.Length, buyers.Length);
        return new TeamRunWorkload(network, ranks, buyers, bases);
    }

    /// <summary>Generates a workload.</summary>
    /// <param name="members">How many members.</param>
    /// <param name="orders">How many orders.</param>
    /// <param name="seed">The seed; the same seed gives the same workload.</param>
    /// <returns>The workload.</returns>
    public static TeamRunWorkload Generate(int members, int orders, int seed = 20261122)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(orders);
        var random = new Random(seed);
        var sponsors = new int[members];
        var links = new ReferralLink[members];
        for (var k = 0; k < members; k++)
        {
            var sponsor = -1;
            if (k > 0 && random.Next(20_000) != 0)
            {
                var u = random.NextDouble();
                sponsor = k - 1 - (int)(k * u * u);
                if (random.Next(2) == 0 && sponsors[sponsor] >= 0)
                {
                    sponsor = sponsors[sponsor];
                }
            }

            sponsors[k] = sponsor;
            links[k] = new ReferralLink(new MemberId(IdOf(k)), sponsor < 0 ? default : new MemberId(IdOf(sponsor)));
        }

        var network = NetworkSnapshot.Create(links);
        var ranks = new byte[members];
        for (var i = 0; i < members; i++)
        {
            var draw = random.Next(100);
            ranks[i] = draw switch
            {
                < 60 => 0,
                < 85 => 1,
                < 95 => 2,
                < 99 => 3,
                _ => 4,
            };
        }

        var buyers = new int[orders];
        var bases = new long[orders];
        for (var o = 0; o < orders; o++)
        {
            buyers[o] = random.Next(members);
            bases[o] = random.Next(990, 360_001);
        }

        return new TeamRunWorkload(network, ranks, buyers, bases);
    }

    /// <summary>
    /// The same orders grouped by buyer in the network's order, batch order kept within a buyer: the order in
    /// which the library's month-end run pays them (<see cref="BuyerSequence"/>).
    /// </summary>
    /// <returns>A workload on the same network and ranks.</returns>
    public TeamRunWorkload InBuyerOrder()
    {
        var sequence = BuyerSequence.Create(Buyers, Network.Count);
        var buyers = new int[Buyers.Length];
        var bases = new long[Bases.Length];
        for (var p = 0; p < buyers.Length; p++)
        {
            var order = sequence.IsIdentity ? p : sequence.Orders[p];
            buyers[p] = Buyers[order];
            bases[p] = Bases[order];
        }

        return new TeamRunWorkload(Network, Ranks, buyers, bases);
    }

    /// <summary>The parent array a hand-written kernel walks: the sponsor's index, -1 for a root.</summary>
    /// <returns>One entry per member.</returns>
    public int[] Parents()
    {
        var parents = new int[Network.Count];
        for (var i = 0; i < parents.Length; i++)
        {
            parents[i] = Network.ParentAt(i);
        }

        return parents;
    }

    private static long IdOf(int joiningOrder) => FirstMemberId + (joiningOrder * 7919L);
}
