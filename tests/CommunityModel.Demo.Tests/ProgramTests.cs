using System.Diagnostics;

namespace CommunityModel.Demo.Tests;

/// <summary>The demo as a user starts it: exit codes, stderr and output without a terminal.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"demo-run-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public void Help_explains_the_options_and_exits_zero()
    {
        var (code, stdout, stderr) = Demo("--help");
        Assert.Equal(0, code);
        Assert.Contains("--members <n>", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    [Theory]
    [InlineData("--members", "lots")]
    [InlineData("--frobnicate")]
    [InlineData("--months", "99")]
    public void A_bad_option_is_a_message_on_stderr_and_exit_code_2(params string[] args)
    {
        var (code, stdout, stderr) = Demo(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void A_bad_plan_file_is_a_message_on_stderr_and_exit_code_2()
    {
        var (code, _, stderr) = Demo("--plan", Path.Combine(_output, "missing.json"));
        Assert.Equal(2, code);
        Assert.Contains("missing.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_directory_that_cannot_be_written_is_exit_code_1()
    {
        Directory.CreateDirectory(_output);
        var file = Path.Combine(_output, "a-file");
        File.WriteAllText(file, "not a directory");
        var (code, stdout, stderr) = Demo("--members", "20", "--months", "1", "--output", file);
        Assert.Equal(1, code);
        Assert.Contains("cannot write to --output", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);   // checked before any work: nothing was simulated or shown
    }

    [Fact]
    public void Redirected_output_is_plain_text_and_the_files_are_written()
    {
        var (code, stdout, stderr) = Demo("--members", "40", "--months", "2", "--output", _output);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.Contains("Commission by rule", stdout, StringComparison.Ordinal);
        Assert.Contains("CommunityModel — 2 months of the seed business", stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_output, "lifecycle.mmd"), stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "lifecycle.mmd")));
    }

    private static (int Code, string Stdout, string Stderr) Demo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(DemoOptions).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the demo did not finish in two minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
