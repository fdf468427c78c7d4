namespace CommunityModel.Commissions.Plans;

/// <summary>Where a level's reward came from: the plan, a ladder-tier override or a product override.</summary>
public enum RewardSource
{
    /// <summary>The plan's own level.</summary>
    Plan = 0,

    /// <summary>An override for the order's ladder tier.</summary>
    LadderTier = 1,

    /// <summary>An override for the order's product.</summary>
    Product = 2,
}
