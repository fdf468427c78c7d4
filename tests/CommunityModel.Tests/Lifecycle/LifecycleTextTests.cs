using System.Collections;
using System.Globalization;
using System.Resources;
using CommunityModel.Lifecycle;

namespace CommunityModel.Tests.Lifecycle;

public class LifecycleTextTests
{
    private static HashSet<string> Keys(string table)
    {
        var manager = new ResourceManager(table, typeof(ValueChain).Assembly);
        var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{table} is not embedded");
        return set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void Every_english_name_has_a_chinese_one_in_the_embedded_neutral_tables()
    {
        var english = Keys("CommunityModel.Lifecycle.LifecycleText");
        var chinese = Keys("CommunityModel.Lifecycle.LifecycleTextChinese");

        Assert.True(english.Count > 30, $"only {english.Count} English names");
        Assert.Empty(english.Except(chinese));
        Assert.Empty(chinese.Except(english));
    }

    [Fact]
    public void Chinese_names_are_read_without_a_satellite_assembly()
    {
        // The names come from the main assembly: no zh-Hans satellite ships, so invariant globalization cannot lose them.
        Assert.Equal("会员", LifecycleText.InChinese("Stage_Member"));
        Assert.Equal("Member", LifecycleText.English("Stage_Member"));
        Assert.DoesNotContain(typeof(ValueChain).Assembly.GetManifestResourceNames(), n => n.Contains("zh", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("CommunityModel.Lifecycle.LifecycleTextChinese.resources", typeof(ValueChain).Assembly.GetManifestResourceNames());
    }
}
