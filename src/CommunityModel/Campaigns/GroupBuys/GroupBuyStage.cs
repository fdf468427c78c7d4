namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>The stages of one group (团) of a group buy (拼团).</summary>
public enum GroupBuyStage
{
    /// <summary>Forming (拼团中): open, fewer participants than the target, its time limit not passed.</summary>
    Forming = 0,

    /// <summary>Completed (已成团): the target was reached (or completion was simulated at expiry); the sales happened.</summary>
    Completed = 1,

    /// <summary>Refunded (已退款): it timed out short of its target and every participant got back all they paid.</summary>
    Refunded = 2,
}
