using System.Globalization;

namespace CommunityModel.Demo;

/// <summary>What the demo runs: the community's size, the length of the run, the seed, the commission plan and where files go.</summary>
public sealed record DemoOptions
{
    /// <summary>The default number of prospects bought traffic brings in over the run.</summary>
    public const int DefaultMembers = 3000;

    /// <summary>The smallest and largest accepted <see cref="Members"/>.</summary>
    public const int MinMembers = 10, MaxMembers = 200_000;

    /// <summary>The smallest and largest accepted <see cref="Months"/>.</summary>
    public const int MinMonths = 1, MaxMonths = 36;

    /// <summary>Prospects brought in by bought traffic over the run (referred prospects come on top).</summary>
    public int Members { get; init; } = DefaultMembers;

    /// <summary>Months to run, starting on 1 January of <see cref="StartYear"/>.</summary>
    public int Months { get; init; } = 12;

    /// <summary>The seed of every random draw: the same seed gives the same year, to the fen.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>A plan file (the <c>Commissions</c> configuration section as JSON); <see langword="null"/> for the built-in three-level plan.</summary>
    public string? PlanFile { get; init; }

    /// <summary>Where the Mermaid diagrams and the plain report are written.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "demo");

    /// <summary>Plain text: no colours, no live progress (also chosen when the output is redirected).</summary>
    public bool Plain { get; init; }

    /// <summary>The year the run starts in (1 January, Asia/Shanghai).</summary>
    public int StartYear { get; init; } = 2026;

    /// <summary>The usage text of <c>--help</c>.</summary>
    public static string Usage { get; } =
        $"""
        CommunityModel demo: a year of the seed business (社群商业), driven through the library.

        Usage: dotnet run --project samples/CommunityModel.Demo [-- options]

        Options:
          --members <n>     prospects brought in by bought traffic over the run, {MinMembers}–{MaxMembers:N0} (default {DefaultMembers:N0});
                            referred prospects and the existing members come on top
          --months <n>      months to run from 1 January 2026, {MinMonths}–{MaxMonths} (default 12)
          --seed <n>        seed of every random draw; the same seed gives the same report (default 7)
          --plan <file>     a commission plan file (JSON, format below); default: the built-in team plan (three
                            levels 10/5/3% + four ranks with a 5/10/15/20% differential 级差 + a 2% peer bonus
                            平级奖), the same as samples/CommunityModel.Demo/plans/team.json; plans/three-level.json
                            is levels only; plans/direct-selling.json is one level within China's direct-selling rules
          --output <dir>    where lifecycle.mmd, onboarding.mmd and report.txt are written (default artifacts/demo)
          --plain           plain text: no colours, no live progress (automatic when the output is redirected)
          -h, --help        this text

        Plan file: the "Commissions" section of an application's configuration, read by AddCommissions and
        validated the same way; the section may stand at the root of the file or under {"{"} "Commissions": ... {"}"}.
        Comments (//) are allowed.
          {"{"}
            "Plan": {"{"}                                                             // every rule of the plan, paid in this order
              "Name": "team",
              "Levels": [ {"{"} "Rate": "10%" {"}"}, {"{"} "Rate": "5%" {"}"}, {"{"} "Rate": "3%" {"}"} ],  // 0 to 3 levels: a Rate or a FixedAmount ("3.00 CNY")
              "TierOverrides": {"{"} "ka": [ {"{"} "Rate": "8%" {"}"} ] {"}"},                     // by ladder tier or membership (below)
              "ProductOverrides": {"{"} "bootcamp": [ {"{"} "FixedAmount": "20.00 CNY" {"}"} ] {"}"},     // by product id (below)
              "ExcludedProducts": [ "trial-class" ],                                // earn nothing under any rule
              "ExcludedOrderKinds": [ "GroupBuy" ],
              "IneligibleUpline": "Forfeit",                                        // or "Compress" (缩级)
              "Ranks": [                                                          // optional: lowest first; differential rates strictly increase
                {"{"} "Code": "promoter", "Name": "推广员", "DifferentialRate": "5%", "MinTeamVolume": "1000.00 CNY", "MinDirectReferrals": 1 {"}"},
                {"{"} "Code": "leader", "Name": "组长", "DifferentialRate": "15%", "PeerRate": "3%",
                  "MinPersonalVolume": "0.00 CNY", "MinTeamVolume": "30000.00 CNY", "MinQualifiedLegs": 2, "LegRank": "promoter" {"}"}
              ],
              "PeerBonus": {"{"} "Rate": "2%", "Basis": "OfBase", "Generations": 1 {"}"},            // or "OfDownlineDifferential"; 1 to 3
              "PayoutCap": "35%",                                                 // optional: at most this share of an order
              "RankRetention": "KeepHighestReached",                              // or "RecomputeEachPeriod" (volumes are monthly)
              "Rounding": "Down"
            {"}"},
            "Ledger": {"{"} "FreezePeriod": "7.00:00:00", "MinimumWithdrawal": "100.00 CNY", "WithdrawalFee": "0.6%" {"}"},
            "ComplianceProfiles": [ {"{"} "Name": "house", "MaxLevels": 2, "PayoutCap": "25%" {"}"} ]   // checked beside the built-in ones
          {"}"}
        Ladder tiers: LeadMagnet, Entry, HighTicket, Premium for products; a membership order (purchase,
        renewal, upgrade) stands on its tier id: vip, ka or gift-pack, and has no product id.
        Product ids: trial-class, bootcamp, gift-pack, online-courses, community-service, offline-2d1n,
        backend-capital, backend-operations, private-board, partner-package.
        The community accrues each paid order's level lines as it is paid; a plan with ranks has its
        differential and peer lines paid at each month end, from the month's volumes.

        Exit codes: 0 done, 1 the output directory cannot be written, 2 bad options or plan file.
        """;

    /// <summary>Reads the command line.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <returns>The options, a request for help, or the error to print.</returns>
    public static DemoArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DemoOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name = arg, inline = "";
            var hasInline = false;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
                hasInline = true;
            }

            switch (name)
            {
                case "-h" or "--help" or "-?" when !hasInline:
                    return DemoArguments.Help();
                case "--plain" when !hasInline:
                    options = options with { Plain = true };
                    continue;
                case "--members" or "--months" or "--seed" or "--plan" or "--output":
                    break;
                default:
                    return DemoArguments.Error($"Unknown option '{arg}'. Run with --help to see the options.");
            }

            string value;
            if (hasInline)
            {
                value = inline;
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                return DemoArguments.Error($"Option {name} needs a value.");
            }

            if (value.Trim().Length == 0)
            {
                return DemoArguments.Error($"Option {name} needs a value.");
            }

            switch (name)
            {
                case "--members":
                    if (!TryInt(name, value, MinMembers, MaxMembers, out var members, out var error))
                    {
                        return DemoArguments.Error(error);
                    }

                    options = options with { Members = members };
                    break;
                case "--months":
                    if (!TryInt(name, value, MinMonths, MaxMonths, out var months, out error))
                    {
                        return DemoArguments.Error(error);
                    }

                    options = options with { Months = months };
                    break;
                case "--seed":
                    if (!TryInt(name, value, int.MinValue, int.MaxValue, out var seed, out error))
                    {
                        return DemoArguments.Error(error);
                    }

                    options = options with { Seed = seed };
                    break;
                case "--plan":
                    options = options with { PlanFile = value };
                    break;
                default:
                    options = options with { OutputDirectory = value };
                    break;
            }
        }

        return DemoArguments.Run(options);
    }

    private static bool TryInt(string name, string text, int min, int max, out int value, out string error)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = $"Option {name} must be a whole number, not '{text}'.";
            return false;
        }

        if (value < min || value > max)
        {
            error = $"Option {name} is {value}; it must be between {min:N0} and {max:N0}.";
            return false;
        }

        error = "";
        return true;
    }
}
