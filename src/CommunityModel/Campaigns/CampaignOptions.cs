namespace CommunityModel.Campaigns;

/// <summary>
/// The rules of the campaign plays as data, bound from <c>Community:Campaigns</c>:
/// <code>
/// "Campaigns": { "TimeZone": "Asia/Shanghai", "BootcampMinSessions": 3, "BootcampMaxSessions": 5,
///                "ConversionWindow": "14.00:00:00", "FollowUpEndsAt": "23:59", "GroupBuyMinTarget": 2,
///                "FlashGroupMaxLifetime": "7.00:00:00", "AllowSimulatedCompletion": false }
/// </code>
/// </summary>
public sealed class CampaignOptions
{
    /// <summary>The community's time zone (IANA or Windows id), in which the same-night follow-up window ends; <c>Asia/Shanghai</c> by default.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The fewest sessions a bootcamp (训练营) has (default 3).</summary>
    public int BootcampMinSessions { get; set; } = 3;

    /// <summary>The most sessions a bootcamp has (default 5).</summary>
    public int BootcampMaxSessions { get; set; } = 5;

    /// <summary>How long after a bootcamp ends a purchase of an enrolled member counts as its conversion (default 14 days).</summary>
    public TimeSpan ConversionWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The local time the same-night follow-up window of a marketing class (营销课, 当晚跟进) ends (default 23:59).</summary>
    public TimeOnly FollowUpEndsAt { get; set; } = new(23, 59);

    /// <summary>The smallest group target a group buy (拼团) may set (default 2).</summary>
    public int GroupBuyMinTarget { get; set; } = 2;

    /// <summary>The longest lifetime a flash group (快闪群) may be opened with (default 7 days).</summary>
    public TimeSpan FlashGroupMaxLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether a group buy may be set up with simulated completion (模拟成团): a group short of its target at expiry then
    /// completes with the participants it has, the completion recording that it was simulated. Off by default.
    /// </summary>
    public bool AllowSimulatedCompletion { get; set; }

    /// <summary>Values in configuration that did not parse, each naming its path; reported at start-up.</summary>
    internal List<string> BindingProblems { get; } = [];
}
