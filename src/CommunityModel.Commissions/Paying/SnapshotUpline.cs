using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Paying;

/// <summary>The upline read straight from a snapshot, ranks and roster: no set-up cost, for one order at a time.</summary>
/// <param name="network">The network.</param>
/// <param name="ranks">Each member's rank level; <see langword="null"/> when no rank matters (a levels-only walk): every rank is 0.</param>
/// <param name="earners">Every member's status; <see langword="null"/> when every member is active.</param>
internal readonly struct SnapshotUpline(NetworkSnapshot network, byte[]? ranks, EarnerRoster? earners) : IUplineTable
{
    public int ParentAt(int index) => network.ParentAt(index);

    public int RankAt(int index) => ranks is null ? 0 : ranks[index];

    public EarnerStatus StatusAt(int index) => earners is null ? EarnerStatus.None : earners.StatusAt(index);
}
