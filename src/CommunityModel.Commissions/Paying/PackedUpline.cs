using System.Runtime.InteropServices;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Volumes;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The upline packed for a batch: sponsor, rank and status of a member in one 8-byte entry, so each step up
/// touches one cache line instead of three arrays. Built once per run in O(n). With the period's sponsor changes, the entry
/// also flags a member whose sponsor changed in the period (in the entry's spare byte), so <see cref="PaidAtUpline"/> tells
/// the members it must look up at an order's time from the same cache line.
/// </summary>
internal readonly struct PackedUpline : IUplineTable
{
    private readonly Step[] _steps;

    /// <summary>
    /// Packs the upline; with the period's volumes, members below the plan's personal volume to earn are marked unqualified;
    /// with a sponsor timeline, members whose sponsor changed during the period are flagged.
    /// </summary>
    internal PackedUpline(MemberRanks ranks, EarnerRoster? earners, PeriodVolumes? volumes = null, CommissionPlan? plan = null, SponsorTimeline? timeline = null)
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

            _steps[i] = new Step(network.ParentAt(i), levels[i], status, timeline is not null && timeline.Changed(i));
        }
    }

    public int ParentAt(int index) => _steps[index].Parent;

    public int RankAt(int index) => _steps[index].Rank;

    public EarnerStatus StatusAt(int index) => _steps[index].Status;

    /// <summary>Whether the member's sponsor changed in the period (only when built with the period's sponsor changes).</summary>
    internal bool ChangedAt(int index) => _steps[index].Changed;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly struct Step(int parent, byte rank, EarnerStatus status, bool changed)
    {
        public readonly int Parent = parent;
        public readonly byte Rank = rank;
        public readonly EarnerStatus Status = status;
        public readonly bool Changed = changed;
    }
}
