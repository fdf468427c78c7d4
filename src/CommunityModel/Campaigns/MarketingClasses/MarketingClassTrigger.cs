namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>What moves a marketing class from stage to stage.</summary>
public enum MarketingClassTrigger
{
    /// <summary>The class went live (开播).</summary>
    WentLive = 0,

    /// <summary>The class ended (下播); the follow-up window opens.</summary>
    Ended = 1,

    /// <summary>The follow-up window ended at the configured local time.</summary>
    FollowUpEnded = 2,

    /// <summary>The class was cancelled before it went live.</summary>
    Cancelled = 3,
}
