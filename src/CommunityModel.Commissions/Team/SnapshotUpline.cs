using CommunityModel.Commissions.Engine;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Team;

/// <summary>The upline read straight from a snapshot, ranks and roster: no set-up cost, for one order at a time.</summary>
internal readonly struct SnapshotUpline(NetworkSnapshot network, byte[] ranks, EarnerRoster? earners) : IUplineTable
{
    public int ParentAt(int index) => network.ParentAt(index);

    public int RankAt(int index) => ranks[index];

    public EarnerStatus StatusAt(int index) => earners is null ? EarnerStatus.None : earners.StatusAt(index);
}
