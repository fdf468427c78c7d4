using CommunityModel.Campaigns;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Orleans.Hosting;

/// <summary>What every silo of a community cluster decides with: the commission plan, the ledger's and the referral rules.</summary>
public sealed class CommunityClusterOptions
{
    /// <summary>The commission plan orders are paid on, at checkout or at month-end. Required.</summary>
    public CommissionPlan? Plan { get; set; }

    /// <summary>
    /// Which plan role each role of a community order pays (<see cref="CommunityRoleMap.Create"/> over <see cref="Plan"/>);
    /// <see cref="CommunityRoleMap.None"/> by default, so community orders name no plan roles.
    /// </summary>
    public CommunityRoleMap Roles { get; set; } = CommunityRoleMap.None;

    /// <summary>Freeze period, currency and withdrawal rules of every member's commission account.</summary>
    public LedgerOptions Ledger { get; set; } = new();

    /// <summary>How members are bound to sponsors.</summary>
    public ReferralOptions Referrals { get; set; } = new();

    /// <summary>The rules of the campaign plays the cluster hosts (their time zone); the defaults of <see cref="CampaignOptions"/> by default.</summary>
    public CampaignOptions Campaigns { get; set; } = new();

    /// <summary>How many partitions the member directory has (the month-end reads them in parallel); 16 by default.</summary>
    public int DirectoryPartitions { get; set; } = 16;

    /// <summary>A member grain snapshots its state every this many events (when a snapshot store is registered); 100 by default.</summary>
    public int SnapshotEvery { get; set; } = 100;

    /// <summary>
    /// The clock the grains decide with (payment times, ledger entries, bindings); <see cref="TimeProvider.System"/> by
    /// default. Orleans keeps its own clock for timers and membership. Give the registered
    /// <see cref="CommunityModel.MemberStream"/> the same clock.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How many order grains the month-end delivers to at once; 64 by default.</summary>
    public int MonthEndFanOut { get; set; } = 64;
}
