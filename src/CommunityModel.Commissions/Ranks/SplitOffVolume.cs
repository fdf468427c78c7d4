namespace CommunityModel.Commissions.Ranks;

/// <summary>Whether the volume of a team that split off (裂变) still counts toward its origin's qualification.</summary>
public enum SplitOffVolume
{
    /// <summary>The whole downline's volume counts, split-off teams included (the default).</summary>
    CountsTowardOrigin = 0,

    /// <summary>
    /// Testing a member for rank R leaves out the whole subtree of every descendant holding rank R or higher:
    /// that team has split off at R, and the origin must build its R volume from the rest.
    /// </summary>
    Excluded = 1,
}
