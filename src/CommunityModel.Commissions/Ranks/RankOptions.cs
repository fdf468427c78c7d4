namespace CommunityModel.Commissions.Ranks;

/// <summary>
/// One rank as data (binds from configuration): its differential rate, an optional peer-bonus rate, and the
/// rules a member must all meet in a period to hold it. A rule left unset does not apply.
/// </summary>
public sealed class RankOptions
{
    /// <summary>The rank's stable code, e.g. <c>R1</c>; unique in the ladder.</summary>
    public string Code { get; set; } = "";

    /// <summary>A display name, e.g. <c>Director (总监)</c>; the code when empty.</summary>
    public string Name { get; set; } = "";

    /// <summary>The rank's differential (级差) rate of the base; rates strictly increase up the ladder.</summary>
    public Rate DifferentialRate { get; set; }

    /// <summary>The peer-bonus (平级奖) rate for this rank, replacing the plan's; <c>0%</c> pays no peer bonus at this rank.</summary>
    public Rate? PeerRate { get; set; }

    /// <summary>The least personal volume in the period.</summary>
    public Money? MinPersonalVolume { get; set; }

    /// <summary>The least team volume (itself and its downline) in the period.</summary>
    public Money? MinTeamVolume { get; set; }

    /// <summary>The least number of direct referrals.</summary>
    public int MinDirectReferrals { get; set; }

    /// <summary>The least number of legs (direct referrals' subtrees) holding a member of rank <see cref="LegRank"/> or higher.</summary>
    public int MinQualifiedLegs { get; set; }

    /// <summary>The rank code a qualified leg must contain; any rank when empty.</summary>
    public string? LegRank { get; set; }
}
