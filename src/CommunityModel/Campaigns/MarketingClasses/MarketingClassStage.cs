namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>The stages of a marketing class (营销课).</summary>
public enum MarketingClassStage
{
    /// <summary>Scheduled (已排期).</summary>
    Scheduled = 0,

    /// <summary>Live (直播中): the class is on; sales are attributed to it.</summary>
    Live = 1,

    /// <summary>Same-night follow-up (当晚跟进): the class ended; sales until the configured local time are still attributed to it.</summary>
    FollowUp = 2,

    /// <summary>Closed (已结束): the follow-up window ended, or the class was cancelled.</summary>
    Closed = 3,
}
