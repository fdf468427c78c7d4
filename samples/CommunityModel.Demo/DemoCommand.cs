using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CommunityModel.Demo;

/// <summary>
/// The demo's command line on System.CommandLine: every option with its help, its range and its validation, all
/// checked before any work starts (the output directory included), and shell completion through the <c>[suggest]</c>
/// directive (<c>dotnet-suggest</c>).
/// </summary>
public static class DemoCommand
{
    /// <summary>Prospects brought in by bought traffic.</summary>
    private static Option<int> MembersOption() => new("--members")
    {
        Description = $"Prospects brought in by bought traffic over the run, {DemoOptions.MinMembers}–{DemoOptions.MaxMembers:N0}; referred prospects and the existing members come on top",
        HelpName = "n",
        DefaultValueFactory = _ => DemoOptions.DefaultMembers,
    };

    /// <summary>Months to run.</summary>
    private static Option<int> MonthsOption() => new("--months")
    {
        Description = $"Months to run from 1 January 2026, {DemoOptions.MinMonths}–{DemoOptions.MaxMonths}",
        HelpName = "n",
        DefaultValueFactory = _ => 12,
    };

    /// <summary>The seed of every random draw.</summary>
    private static Option<int> SeedOption() => new("--seed")
    {
        Description = "Seed of every random draw; the same seed gives the same report",
        HelpName = "n",
        DefaultValueFactory = _ => 7,
    };

    /// <summary>A plan file.</summary>
    private static Option<string?> PlanOption() => new("--plan")
    {
        Description = "A commission plan file: the \"Commissions\" configuration section as JSON, read and validated as AddCommissions reads it (unknown keys and rates without their unit are errors). Examples: plans/team.json (the built-in plan: three levels 10/5/3% + four ranks 5/10/15/20% 级差 + a 2% peer bonus 平级奖), plans/three-level.json, plans/direct-selling.json",
        HelpName = "file",
    };

    /// <summary>Where the files are written.</summary>
    private static Option<string> OutputOption() => new("--output")
    {
        Description = "Where lifecycle.mmd, onboarding.mmd and report.txt are written; checked writable before the run",
        HelpName = "dir",
        DefaultValueFactory = _ => Path.Combine("artifacts", "demo"),
    };

    /// <summary>Plain text.</summary>
    private static Option<bool> PlainOption() => new("--plain")
    {
        Description = "Plain text: no colours, no live progress (automatic when the output is redirected)",
    };

    /// <summary>The command: the options, their validation and the help text (<c>-h</c>, <c>--help</c>, <c>-?</c>).</summary>
    /// <returns>A new root command.</returns>
    public static RootCommand Create()
    {
        var members = MembersOption();
        var months = MonthsOption();
        var plan = PlanOption();
        var output = OutputOption();
        members.Validators.Add(r => InRange(r, "--members", DemoOptions.MinMembers, DemoOptions.MaxMembers));
        months.Validators.Add(r => InRange(r, "--months", DemoOptions.MinMonths, DemoOptions.MaxMonths));
        plan.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && !File.Exists(file))
            {
                r.AddError($"Option --plan names '{file}', which does not exist.");
            }
        });
        output.Validators.Add(r => NotBlank(r, "--output"));
        return new RootCommand(
            "CommunityModel demo: the seed business (社群商业) simulated month by month through the library's Community, "
            + "with commissions, ranks, the ledger and compliance checks, shown as tables and bar charts. "
            + "Exit codes: 0 done, 1 the output directory cannot be written, 2 bad options or plan file.")
        {
            members, months, SeedOption(), plan, output, PlainOption(),
        };
    }

    /// <summary>Reads a command line: the options to run with, a request for help, or every error.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>What the command line asks for.</returns>
    public static DemoArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = Create().Parse(args);
        if (result.Action is HelpAction)
        {
            return DemoArguments.Help();
        }

        if (result.Errors.Count > 0)
        {
            return DemoArguments.Error(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        }

        return DemoArguments.Run(new DemoOptions
        {
            Members = result.GetValue<int>("--members"),
            Months = result.GetValue<int>("--months"),
            Seed = result.GetValue<int>("--seed"),
            PlanFile = result.GetValue<string?>("--plan"),
            OutputDirectory = result.GetValue<string>("--output")!,
            Plain = result.GetValue<bool>("--plain"),
        });
    }

    /// <summary>Checks that the output directory can be created and written, before any work; the reason when it cannot.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns><see langword="null"/> when it can be written, else why not.</returns>
    public static string? CannotWrite(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }

    private static void InRange(OptionResult result, string option, int min, int max)
    {
        // A value that is not a whole number is reported by the option's own conversion; an omitted one is the default.
        if (result.Tokens.Count == 0 || !int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return;
        }

        if (value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"Option {option} is {value}; it must be between {min:N0} and {max:N0}."));
        }
    }

    private static void NotBlank(OptionResult result, string name)
    {
        if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
        {
            result.AddError($"Option {name} needs a value.");
        }
    }
}
