namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>What moves a group of a group buy from stage to stage.</summary>
public enum GroupBuyTrigger
{
    /// <summary>The participant who reached the target joined (人满成团).</summary>
    Completed = 0,

    /// <summary>The time limit passed short of the target, and the play completes such groups as they are (模拟成团).</summary>
    SimulatedCompletion = 1,

    /// <summary>The time limit passed short of the target: everyone is refunded in full (超时退款).</summary>
    TimedOut = 2,
}
