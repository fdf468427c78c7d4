namespace CommunityModel.Commissions.Ranks;

/// <summary>Whether a member's rank is earned anew each period or kept once reached.</summary>
public enum RankRetention
{
    /// <summary>The rank is qualified from this period's volumes alone (the default).</summary>
    RecomputeEachPeriod = 0,

    /// <summary>The higher of the rank held last period and the rank qualified this period (a lifetime rank).</summary>
    KeepHighestReached = 1,
}
