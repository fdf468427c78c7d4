using System.Text.RegularExpressions;

namespace CommunityModel.Tests.Docs;

/// <summary>
/// Code in the docs is code that compiles: each C# snippet marked as copied from a source file must appear in that
/// file verbatim (indentation aside), so the build of the file is the build of the snippet. Mermaid diagrams must
/// name a diagram type, or the page shows an error box.
/// </summary>
public partial class DocsSnippetTests
{
    public static TheoryData<string, string> CopiedSnippets() => new()
    {
        { "docs/telemetry.md", "samples/CommunityModel.Crm/CrmApp.cs" },
        { "docs/integration.md", "samples/CommunityModel.Crm/CrmApp.cs" },
    };

    [Theory]
    [MemberData(nameof(CopiedSnippets))]
    public void The_first_csharp_snippet_of_a_page_is_in_its_source_file_verbatim(string page, string source)
    {
        var snippet = CSharpBlocks(File.ReadAllText(Path.Combine(Root, page))).First();
        var code = Lines(File.ReadAllText(Path.Combine(Root, source)));

        var lines = Lines(snippet);
        Assert.True(lines.Count > 2, $"{page}: the snippet is too short to mean anything");
        var at = Enumerable.Range(0, code.Count - lines.Count + 1).FirstOrDefault(i => code.Skip(i).Take(lines.Count).SequenceEqual(lines), -1);
        Assert.True(at >= 0, $"{page}: its first C# snippet is not in {source}:\n{snippet}");
    }

    [Fact]
    public void Every_mermaid_diagram_in_the_docs_names_its_type()
    {
        var types = new[] { "flowchart", "stateDiagram-v2", "sequenceDiagram", "gantt" };
        var diagrams = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .SelectMany(f => MermaidBlock().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: m.Groups[1].Value)))
            .ToList();

        Assert.True(diagrams.Count >= 5, $"only {diagrams.Count} diagrams");
        Assert.All(diagrams, d => Assert.Contains(d.Text.TrimStart().Split([' ', '\n'])[0], types));
        foreach (var page in new[] { "commissions.md", "commissions-team.md", "memberships.md", "telemetry.md" })
        {
            Assert.Contains(diagrams, d => d.File == page);
        }
    }

    private static IEnumerable<string> CSharpBlocks(string markdown) => CSharpBlock().Matches(markdown).Select(m => m.Groups[1].Value);

    private static List<string> Lines(string text) =>
        [.. text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommunityModel.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("CommunityModel.sln not found");
        }
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex("```mermaid\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
