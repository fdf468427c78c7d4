using System.Globalization;
using System.Resources;

namespace CommunityModel.Lifecycle;

/// <summary>
/// The display names of every lifecycle (stages, triggers, guards) in English (<c>LifecycleText.resx</c>) and
/// Simplified Chinese (<c>LifecycleTextChinese.resx</c>), read from resources rather than from identifiers.
/// </summary>
/// <remarks>
/// Both tables are neutral resources embedded in the main assembly and read with the invariant culture: no
/// satellite assembly and no culture lookup, so the names are the same under invariant globalization
/// (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>, the default of <c>dotnet new console --aot</c>), where
/// <c>CultureInfo.GetCultureInfo("zh-Hans")</c> would throw.
/// </remarks>
internal static class LifecycleText
{
    private static readonly ResourceManager EnglishTable = new("CommunityModel.Lifecycle.LifecycleText", typeof(LifecycleText).Assembly);
    private static readonly ResourceManager ChineseTable = new("CommunityModel.Lifecycle.LifecycleTextChinese", typeof(LifecycleText).Assembly);

    public static string English(string key) => Get(EnglishTable, key);

    /// <summary>The Chinese name, or the English one when the Chinese table lacks the key.</summary>
    public static string InChinese(string key) => ChineseTable.GetString(key, CultureInfo.InvariantCulture) ?? English(key);

    private static string Get(ResourceManager table, string key) =>
        table.GetString(key, CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"The lifecycle resource '{key}' is missing.");

    public static LocalizedName Name(string key) => new(English(key), InChinese(key));

    public static LocalizedName Format(string key, string englishArgument, string chineseArgument) =>
        new(string.Format(CultureInfo.InvariantCulture, English(key), englishArgument), string.Format(CultureInfo.InvariantCulture, InChinese(key), chineseArgument));
}
