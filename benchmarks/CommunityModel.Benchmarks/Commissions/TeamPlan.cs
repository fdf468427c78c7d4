using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// The benchmark team plan as constants, for the hand-written kernel and the naive integrator code: three
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

    /// <summary>
    /// The deepest upline any rule pays (the seller's sponsor is 1): the plan declares the library's limit, so the
    /// differential and peer walks go as far as a full rank walk does on these networks.
    /// </summary>
    public const int MaxDepth = CommissionPlan.DepthLimit;

    /// <summary>How many same-rank uplines earn the peer bonus after each holder.</summary>
    public const int PeerGenerations = 1;

    /// <summary>The same plan as the library's <see cref="CommissionPlan"/>, for the engine row.</summary>
    /// <returns>The plan: ranks R1 to R4, no qualification rules (the workload gives the ranks).</returns>
    public static CommissionPlan Plan() => new CommissionPlanBuilder("team")
        .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
        .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Rank("R3", Rate.FromPercent(15)).Rank("R4", Rate.FromPercent(20))
        .SellerEarnsOwnRank(true)
        .PeerBonus(Rate.FromPercent(2), PeerBonusBasis.OfBase, generations: PeerGenerations)
        .PayToDepth(MaxDepth)
        .Build();

    /// <summary>Rank qualification rules by rank byte (index 0 unused): the least personal volume in fen.</summary>
    public static ReadOnlySpan<long> MinPersonalVolume => [0, 2_000_000, 0, 0, 0];

    /// <summary>The least team volume (itself and its downline) in fen, by rank byte.</summary>
    public static ReadOnlySpan<long> MinTeamVolume => [0, 0, 20_000_000, 200_000_000, 2_000_000_000];

    /// <summary>The least number of direct referrals, by rank byte.</summary>
    public static ReadOnlySpan<int> MinDirectReferrals => [0, 0, 3, 0, 0];

    /// <summary>The least number of legs holding a member of <see cref="LegRank"/> or higher, by rank byte.</summary>
    public static ReadOnlySpan<int> MinQualifiedLegs => [0, 0, 0, 2, 3];

    /// <summary>The rank byte a qualified leg must contain, by rank byte (0: any).</summary>
    public static ReadOnlySpan<byte> LegRank => [0, 0, 0, 2, 3];

    /// <summary>
    /// <see cref="Plan"/> with qualification rules, for measuring rank qualification: R1 ¥20,000 personal
    /// volume; R2 ¥200,000 team volume and three direct referrals; R3 ¥2,000,000 team volume and two legs
    /// holding R2; R4 ¥20,000,000 team volume and three legs holding R3.
    /// </summary>
    /// <returns>The plan.</returns>
    public static CommissionPlan QualifyingPlan() => new CommissionPlanBuilder("team")
        .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
        .Rank("R1", Rate.FromPercent(5), r => r.MinPersonalVolume = Money.FromMinorUnits(MinPersonalVolume[1], Currency.CNY))
        .Rank("R2", Rate.FromPercent(10), r => (r.MinTeamVolume, r.MinDirectReferrals) = (Money.FromMinorUnits(MinTeamVolume[2], Currency.CNY), MinDirectReferrals[2]))
        .Rank("R3", Rate.FromPercent(15), r => (r.MinTeamVolume, r.MinQualifiedLegs, r.LegRank) = (Money.FromMinorUnits(MinTeamVolume[3], Currency.CNY), MinQualifiedLegs[3], "R2"))
        .Rank("R4", Rate.FromPercent(20), r => (r.MinTeamVolume, r.MinQualifiedLegs, r.LegRank) = (Money.FromMinorUnits(MinTeamVolume[4], Currency.CNY), MinQualifiedLegs[4], "R3"))
        .SellerEarnsOwnRank(true)
        .PeerBonus(Rate.FromPercent(2), PeerBonusBasis.OfBase, generations: PeerGenerations)
        .PayToDepth(MaxDepth)
        .Build();
}
