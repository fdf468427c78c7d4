namespace CommunityModel.Demo.Tests;

public sealed class ReportFilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"demo-output-{Guid.NewGuid():N}", "nested");

    public void Dispose()
    {
        if (Directory.Exists(Path.GetDirectoryName(_directory)))
        {
            Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);
        }
    }

    [Fact]
    public void The_lifecycle_onboarding_and_report_files_are_written()
    {
        var report = CommunityYear.Run(new DemoOptions { Members = 50, Months = 2 });
        var paths = ReportFiles.Write(report, _directory);

        Assert.Equal(["lifecycle.mmd", "onboarding.mmd", "report.txt"], paths.Select(Path.GetFileName));
        var lifecycle = File.ReadAllText(paths[0]);
        Assert.StartsWith("stateDiagram-v2", lifecycle, StringComparison.Ordinal);
        Assert.Contains("Prospect --> Fan", lifecycle, StringComparison.Ordinal);
        Assert.Contains("合伙人 Partner", lifecycle, StringComparison.Ordinal);
        Assert.Equal(report.LifecycleMermaid, lifecycle);
        Assert.Contains("AwaitingBigGroup --> Completed", File.ReadAllText(paths[1]), StringComparison.Ordinal);
        Assert.Equal(ReportFiles.PlainText(report), File.ReadAllText(paths[2]));
    }
}
