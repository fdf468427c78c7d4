namespace CommunityModel.Organisation;

/// <summary>Where a registered activity stands (活动报备).</summary>
public enum ActivityStatus
{
    /// <summary>Registered, waiting for approval.</summary>
    Registered,

    /// <summary>Approved: it may run in its window.</summary>
    Approved,

    /// <summary>Rejected: it may not run.</summary>
    Rejected,

    /// <summary>It ran.</summary>
    Held,
}
