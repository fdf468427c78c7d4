using System.Runtime.InteropServices;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Volumes;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The upline packed for a batch: sponsor, rank and status of a member in one 8-byte entry, so each step up
/// touches one cache line instead of three arrays. Built once per run in O(n).
/// </summary>
internal readonly struct PackedUpline : IUplineTable
{
    private readonly Step[] _steps;

    /// <summary>Packs the upline; with the period's volumes, members below the plan's personal volume to earn are marked unqualified.</summary>
    internal PackedUpline(MemberRanks ranks, EarnerRoster? earners, PeriodVolumes? volumes = null, CommissionPlan? plan = null)
    {
        var network = ranks.Network;
        var levels = ranks.Levels;
        var minimum = volumes is null ? null : plan?.MinPersonalVolumeToEarn?.MinorUnits;
        _steps = GC.AllocateUninitializedArray<Step>(network.Count);
        for (var i = 0; i < _steps.Length; i++)
        {
            var status = earners is null ? EarnerStatus.None : earners.StatusAt(i);
            if (minimum is not null)
            {
                status = EarnerRoster.QualifiedStatus(status, volumes!.PersonalMinorAt(i), minimum);
            }

            _steps[i] = new Step(network.ParentAt(i), levels[i], status);
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
