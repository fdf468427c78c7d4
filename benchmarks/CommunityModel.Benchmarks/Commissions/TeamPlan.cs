namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// Issue 6's benchmark plan as constants, for the hand-written kernel and the naive integrator code: three
/// levels of 10% / 5% / 3%; four ranks with differential rates 5% / 10% / 15% / 20% (cumulative rounding, the
/// seller's own rank pays); a peer bonus of 2% of the base to one generation; every amount rounded down to
/// the fen; no cap, no staff.
/// </summary>
public static class TeamPlan
{
    /// <summary>Basis points of the base per level, level 1 first.</summary>
    public static ReadOnlySpan<long> LevelBasisPoints => [1000, 500, 300];

    /// <summary>Differential basis points by rank byte (0 = no rank).</summary>
    public static ReadOnlySpan<long> RankBasisPoints => [0, 500, 1000, 1500, 2000];

    /// <summary>The top rank byte.</summary>
    public const int TopRank = 4;

    /// <summary>The peer bonus, basis points of the base.</summary>
    public const long PeerBasisPoints = 200;

    /// <summary>How many same-rank uplines earn the peer bonus after each holder.</summary>
    public const int PeerGenerations = 1;
}
