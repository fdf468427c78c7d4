using System.Globalization;
using System.Resources;
using CommunityModel.Lifecycle;

namespace CommunityModel.Campaigns;

/// <summary>
/// The display names of the campaign plays, their stages and triggers, in English (<c>CampaignText.resx</c>) and Simplified
/// Chinese (<c>CampaignTextChinese.resx</c>): neutral resources read with the invariant culture, like the lifecycle's.
/// </summary>
internal static class CampaignText
{
    private static readonly ResourceManager EnglishTable = new("CommunityModel.Campaigns.CampaignText", typeof(CampaignText).Assembly);
    private static readonly ResourceManager ChineseTable = new("CommunityModel.Campaigns.CampaignTextChinese", typeof(CampaignText).Assembly);

    public static LocalizedName Name(string key) =>
        new(
            EnglishTable.GetString(key, CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"The campaign resource '{key}' is missing."),
            ChineseTable.GetString(key, CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"The campaign resource '{key}' has no Chinese name."));
}
