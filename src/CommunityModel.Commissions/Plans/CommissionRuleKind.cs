namespace CommunityModel.Commissions.Plans;

/// <summary>The kind of rule that paid a line. A combined plan pays them in this order on every order.</summary>
public enum CommissionRuleKind : byte
{
    /// <summary>Multi-level (上下层级激励): a level of the buyer's upline.</summary>
    Level = 0,

    /// <summary>Rank differential (团队级差): an upline's rate minus the highest rate already paid below it.</summary>
    Differential = 1,

    /// <summary>Peer bonus (平级奖): a same-rank upline above a split-off team.</summary>
    Peer = 2,

    /// <summary>Staff profit sharing (内部员工分润): progressive rates by period volume.</summary>
    Staff = 3,

    /// <summary>An organisational role's share of the order (e.g. division → agent → staff).</summary>
    Role = 4,
}
