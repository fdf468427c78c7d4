using System.Globalization;
using System.Resources;

namespace CommunityModel.Lifecycle;

/// <summary>
/// The display names of every lifecycle (stages, triggers, guards) in English (neutral resources) and
/// Chinese (zh-Hans satellite), read from <c>LifecycleText.resx</c> rather than from identifiers.
/// </summary>
internal static class LifecycleText
{
    private static readonly ResourceManager Resources = new("CommunityModel.Lifecycle.LifecycleText", typeof(LifecycleText).Assembly);

    /// <summary>Simplified Chinese, the language of the communities the seeds describe.</summary>
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-Hans");

    public static string English(string key) => Get(key, CultureInfo.InvariantCulture);

    public static string InChinese(string key) => Get(key, Chinese);

    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"The lifecycle resource '{key}' is missing.");

    public static LocalizedName Name(string key) => new(English(key), InChinese(key));

    public static LocalizedName Format(string key, string englishArgument, string chineseArgument) =>
        new(string.Format(CultureInfo.InvariantCulture, English(key), englishArgument), string.Format(Chinese, InChinese(key), chineseArgument));
}
