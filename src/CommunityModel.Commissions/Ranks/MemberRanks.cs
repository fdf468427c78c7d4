using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Ranks;

/// <summary>
/// The rank every member of a <see cref="NetworkSnapshot"/> holds for a period: one byte per member by dense
/// index (0 for no rank, k for <c>Ladder[k]</c>). Immutable; produced by <see cref="RankQualifier"/> or given
/// directly (e.g. ranks fixed by an administrator, or last period's).
/// </summary>
public sealed class MemberRanks
{
    private readonly byte[] _levels;

    private MemberRanks(NetworkSnapshot network, RankLadder ladder, byte[] levels)
    {
        Network = network;
        Ladder = ladder;
        _levels = levels;
    }

    /// <summary>The network the ranks describe.</summary>
    public NetworkSnapshot Network { get; }

    /// <summary>The ladder the levels index.</summary>
    public RankLadder Ladder { get; }

    /// <summary>Every member without a rank.</summary>
    /// <param name="network">The network.</param>
    /// <param name="ladder">The ladder.</param>
    /// <returns>The ranks.</returns>
    public static MemberRanks None(NetworkSnapshot network, RankLadder ladder)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(ladder);
        return new(network, ladder, new byte[network.Count]);
    }

    /// <summary>Ranks given by level per dense index (copied).</summary>
    /// <param name="network">The network.</param>
    /// <param name="ladder">The ladder.</param>
    /// <param name="levels">One level per member: 0 for none, 1 to <see cref="RankLadder.Count"/> otherwise.</param>
    /// <returns>The ranks.</returns>
    /// <exception cref="CommissionException">Not one level per member (<see cref="CommissionErrorCodes.SnapshotMismatch"/>) or a level above the ladder (<see cref="CommissionErrorCodes.InvalidRank"/>).</exception>
    public static MemberRanks Create(NetworkSnapshot network, RankLadder ladder, ReadOnlySpan<byte> levels)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(ladder);
        if (levels.Length != network.Count)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"{levels.Length} rank level(s) were given for a network of {network.Count} member(s); give one per member.");
        }

        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] > ladder.Count)
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRank, $"Member {network.MemberAt(i)} is given rank level {levels[i]}; the ladder has levels 0 to {ladder.Count}.");
            }
        }

        return new(network, ladder, levels.ToArray());
    }

    /// <summary>Ranks given by code; members not named hold no rank.</summary>
    /// <param name="network">The network.</param>
    /// <param name="ladder">The ladder.</param>
    /// <param name="ranks">Rank codes by member.</param>
    /// <returns>The ranks.</returns>
    /// <exception cref="CommissionException">A code is not in the ladder (<see cref="CommissionErrorCodes.InvalidRank"/>).</exception>
    /// <exception cref="ReferralException">A member is not in the network.</exception>
    public static MemberRanks Create(NetworkSnapshot network, RankLadder ladder, IEnumerable<KeyValuePair<MemberId, string>> ranks)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(ranks);
        var levels = new byte[network.Count];
        foreach (var (member, code) in ranks)
        {
            levels[network.IndexOf(member)] = ladder.TryFind(code, out var rank)
                ? (byte)rank.Level
                : throw new CommissionException(CommissionErrorCodes.InvalidRank, $"Member {member} is given rank '{code}', which is not in the ladder.");
        }

        return new(network, ladder, levels);
    }

    /// <summary>
    /// These ranks carried onto a later snapshot of the same network (typically larger): every member keeps its rank, and
    /// members who joined since hold none. Last period's ranks carried this way are the <c>previousRanks</c> of this period's
    /// qualification when the plan keeps the highest rank reached.
    /// </summary>
    /// <param name="network">The later snapshot; it must hold every member of <see cref="Network"/>.</param>
    /// <returns>The ranks over <paramref name="network"/>; this instance when it is already over it.</returns>
    /// <exception cref="CommissionException">A member of <see cref="Network"/> is not in <paramref name="network"/> (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    public MemberRanks CarryTo(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (ReferenceEquals(network, Network))
        {
            return this;
        }

        var levels = new byte[network.Count];
        for (var i = 0; i < _levels.Length; i++)
        {
            var member = Network.MemberAt(i);
            if (!network.TryGetIndex(member, out var at))
            {
                throw new CommissionException(
                    CommissionErrorCodes.SnapshotMismatch,
                    $"Member {member}{(_levels[i] == 0 ? "" : $", who holds rank {Ladder[_levels[i]]},")} is not in the snapshot the ranks are carried to; carry ranks only onto a later snapshot of the same network.");
            }

            levels[at] = _levels[i];
        }

        return new(network, Ladder, levels);
    }

    /// <summary>The rank level of the member at a dense index: 0 for none.</summary>
    /// <param name="index">An index of <see cref="Network"/>.</param>
    /// <returns>The level.</returns>
    public int LevelAt(int index) => _levels[index];

    /// <summary>The rank of the member at a dense index.</summary>
    /// <param name="index">An index of <see cref="Network"/>.</param>
    /// <returns>The rank; <see langword="null"/> for none.</returns>
    public Rank? RankAt(int index) => _levels[index] == 0 ? null : Ladder[_levels[index]];

    /// <summary>The rank of a member.</summary>
    /// <param name="member">A member of <see cref="Network"/>.</param>
    /// <returns>The rank; <see langword="null"/> for none.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public Rank? RankOf(MemberId member) => RankAt(Network.IndexOf(member));

    /// <summary>How many members hold each level: index 0 counts members without a rank.</summary>
    /// <returns>One count per level, 0 to <see cref="RankLadder.Count"/>.</returns>
    public ImmutableArray<int> CountByLevel()
    {
        var counts = new int[Ladder.Count + 1];
        foreach (var level in _levels)
        {
            counts[level]++;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(counts);
    }

    /// <summary>The levels, for the paying kernels.</summary>
    internal byte[] Levels => _levels;
}
