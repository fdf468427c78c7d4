namespace CommunityModel.Campaigns.FlashGroups;

/// <summary>The stages of a flash group (快闪群).</summary>
public enum FlashGroupStage
{
    /// <summary>Open (进行中): members join until its lifetime ends.</summary>
    Open = 0,

    /// <summary>Dissolved (已解散): its lifetime ended, or it was dissolved by hand.</summary>
    Dissolved = 1,
}
