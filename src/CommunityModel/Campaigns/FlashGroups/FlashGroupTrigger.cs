namespace CommunityModel.Campaigns.FlashGroups;

/// <summary>What moves a flash group from stage to stage.</summary>
public enum FlashGroupTrigger
{
    /// <summary>Its lifetime ended (到期解散).</summary>
    LifetimeEnded = 0,

    /// <summary>It was dissolved by hand before (手动解散).</summary>
    DissolvedByHand = 1,
}
