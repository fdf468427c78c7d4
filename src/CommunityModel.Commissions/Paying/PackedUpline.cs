using System.Runtime.InteropServices;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The upline packed for a batch: sponsor, rank and status of a member in one 8-byte entry, so each step up
/// touches one cache line instead of three arrays. Built once per run in O(n).
/// </summary>
internal readonly struct PackedUpline : IUplineTable
{
    private readonly Step[] _steps;

    internal PackedUpline(MemberRanks ranks, EarnerRoster? earners)
    {
        var network = ranks.Network;
        var levels = ranks.Levels;
        _steps = GC.AllocateUninitializedArray<Step>(network.Count);
        for (var i = 0; i < _steps.Length; i++)
        {
            _steps[i] = new Step(network.ParentAt(i), levels[i], earners is null ? EarnerStatus.None : earners.StatusAt(i));
        }
    }

    public int ParentAt(int index) => _steps[index].Parent;

    public int RankAt(int index) => _steps[index].Rank;

    public EarnerStatus StatusAt(int index) => _steps[index].Status;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly struct Step(int parent, byte rank, EarnerStatus status)
    {
        public readonly int Parent = parent;
        public readonly byte Rank = rank;
        public readonly EarnerStatus Status = status;
    }
}
