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

    /// <summary>How long a run of <paramref name="months"/> months is, for titles: "a year", "two years", "3 months".</summary>
    /// <param name="months">The months run.</param>
    /// <returns>The span in words.</returns>
    public static string Span(int months) => months switch
    {
        1 => "a month",
        12 => "a year",
        24 => "two years",
        36 => "three years",
        _ => string.Create(CultureInfo.InvariantCulture, $"{months} months"),
    };
}
