using CommunityModel.Campaigns.Bootcamps;
using CommunityModel.Campaigns.FlashGroups;
using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Campaigns.GroupBuys;
using CommunityModel.Campaigns.MarketingClasses;
using CommunityModel.Campaigns.Surveys;

namespace CommunityModel.Tests.Docs;

/// <summary>docs/campaigns.md shows each play's state diagram exactly as the code exports it.</summary>
public class CampaignDocsTests
{
    public static TheoryData<string, string> Diagrams => new()
    {
        { "训练营 Bootcamp", Bootcamp.Lifecycle.ToMermaid() },
        { "营销课 Marketing class", MarketingClass.Lifecycle.ToMermaid() },
        { "社群表单 Survey", Survey.Lifecycle.ToMermaid() },
        { "秒杀 Flash sale", FlashSale.Lifecycle.ToMermaid() },
        { "快闪群 Flash group", FlashGroup.Lifecycle.ToMermaid() },
        { "拼团 Group buy", GroupBuy.Lifecycle.ToMermaid() },
    };

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void The_section_of_each_play_holds_the_diagram_the_code_exports(string section, string mermaid)
    {
        var page = File.ReadAllText(Path.Combine(Root(), "docs", "campaigns.md")).ReplaceLineEndings("\n");
        var start = page.IndexOf("## " + section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/campaigns.md has no section '## {section}'");
        var next = page.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var body = next < 0 ? page[start..] : page[start..next];

        Assert.Contains("```mermaid\n" + mermaid + "```", body, StringComparison.Ordinal);
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommunityModel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
