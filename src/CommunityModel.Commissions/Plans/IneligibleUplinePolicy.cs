namespace CommunityModel.Commissions.Plans;

/// <summary>What happens to a level whose upline may not earn (not a promoter, suspended or inactive).</summary>
public enum IneligibleUplinePolicy
{
    /// <summary>The level is forfeited: its commission stays with the company.</summary>
    Forfeit = 0,

    /// <summary>
    /// Compression (缩级): the next eligible upline takes the level. Still at most the plan's number of
    /// paid levels; the line names the members compressed past.
    /// </summary>
    Compress = 1,
}
