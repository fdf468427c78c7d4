namespace CommunityModel.Commissions.Paying;

/// <summary>What the calculator needs to know about a member to decide whether it may earn.</summary>
[Flags]
public enum EarnerStatus : byte
{
    /// <summary>An active member, not designated as a promoter.</summary>
    None = 0,

    /// <summary>Designated as a promoter (推广员); required by plans with <see cref="Plans.EarnerEligibility.DesignatedPromoters"/>.</summary>
    Promoter = 1,

    /// <summary>Suspended: may not earn under any plan.</summary>
    Suspended = 2,

    /// <summary>Inactive (e.g. a lapsed membership): may not earn under any plan.</summary>
    Inactive = 4,

    /// <summary>
    /// Below the plan's personal-volume qualification to earn this period (<see cref="Plans.CommissionPlanOptions.MinPersonalVolumeToEarn"/>):
    /// earns under no rule. Set by <see cref="EarnerRoster.Qualify"/> and by the month-end run.
    /// </summary>
    Unqualified = 8,
}
