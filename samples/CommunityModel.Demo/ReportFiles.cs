using System.Collections.Immutable;
using System.Text;
using Spectre.Console;

namespace CommunityModel.Demo;

/// <summary>The files a run leaves behind: the lifecycle and onboarding diagrams (Mermaid) and the report as plain text.</summary>
public static class ReportFiles
{
    /// <summary>The width of the plain-text report.</summary>
    public const int PlainWidth = 140;

    /// <summary>The report as plain text, as CI logs show it: no colours, no escape codes, ASCII tables.</summary>
    /// <param name="report">The year.</param>
    /// <returns>The text.</returns>
    public static string PlainText(YearReport report)
    {
        using var writer = new StringWriter();
        ReportView.Render(report, PlainConsole(writer), plain: true);
        return writer.ToString();
    }

    /// <summary>A console that writes plain text to <paramref name="writer"/>.</summary>
    /// <param name="writer">The destination.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = PlainWidth;
        return console;
    }

    /// <summary>Writes <c>lifecycle.mmd</c>, <c>onboarding.mmd</c> and <c>report.txt</c> into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="report">The year.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The full paths written.</returns>
    public static ImmutableArray<string> Write(YearReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(directory);
        var full = Directory.CreateDirectory(directory).FullName;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var files = new (string Name, string Text)[]
        {
            ("lifecycle.mmd", report.LifecycleMermaid),
            ("onboarding.mmd", report.OnboardingMermaid),
            ("report.txt", PlainText(report)),
        };
        var paths = ImmutableArray.CreateBuilder<string>(files.Length);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(full, name);
            File.WriteAllText(path, text, utf8);
            paths.Add(path);
        }

        return paths.MoveToImmutable();
    }
}
