using CommunityModel.Lifecycle;

namespace CommunityModel.Campaigns;

/// <summary>The display names of the kinds of play (训练营 Bootcamp, 秒杀 Flash sale, …), from the resources.</summary>
public static class PlayKinds
{
    /// <summary>A kind's display name in English and Chinese.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name, e.g. <c>拼团 Group buy</c>.</returns>
    public static LocalizedName DisplayName(PlayKind kind) => CampaignText.Name("PlayKind_" + kind);
}
