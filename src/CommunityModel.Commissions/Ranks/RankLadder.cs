using System.Collections.Immutable;

namespace CommunityModel.Commissions.Ranks;

/// <summary>
/// The ranks of a plan, lowest first, with strictly increasing differential rates. Immutable and validated:
/// in dense rank arrays level 0 is "no rank" (rate 0) and level k is <c>this[k]</c>.
/// </summary>
/// <example>
/// <code>
/// var ladder = RankLadder.Create(Currency.CNY,
///     new RankOptions { Code = "R1", DifferentialRate = Rate.FromPercent(5), MinPersonalVolume = Money.Cny(3600m) },
///     new RankOptions { Code = "R2", DifferentialRate = Rate.FromPercent(10), MinTeamVolume = Money.Cny(100_000m), MinQualifiedLegs = 2, LegRank = "R1" });
/// </code>
/// </example>
public sealed class RankLadder
{
    /// <summary>The most ranks a ladder may have.</summary>
    public const int MaxRanks = 32;

    private readonly Rank[] _byLevel;

    private RankLadder(Currency currency, ImmutableArray<Rank> ranks)
    {
        Currency = currency;
        Ranks = ranks;
        _byLevel = [null!, .. ranks];
    }

    /// <summary>A ladder without ranks: no one earns a differential.</summary>
    /// <param name="currency">The currency of volume rules.</param>
    /// <returns>The empty ladder.</returns>
    public static RankLadder Empty(Currency currency) => new(currency, []);

    /// <summary>The currency of volume rules.</summary>
    public Currency Currency { get; }

    /// <summary>The ranks, lowest first.</summary>
    public ImmutableArray<Rank> Ranks { get; }

    /// <summary>The number of ranks.</summary>
    public int Count => Ranks.Length;

    /// <summary>The highest differential rate; <c>0%</c> for an empty ladder.</summary>
    public Rate TopRate => Ranks.IsEmpty ? Rate.Zero : Ranks[^1].DifferentialRate;

    /// <summary>The rank at a level.</summary>
    /// <param name="level">From 1 (lowest) to <see cref="Count"/>.</param>
    /// <returns>The rank.</returns>
    public Rank this[int level] => level is >= 1 && level <= Ranks.Length ? _byLevel[level] : throw new ArgumentOutOfRangeException(nameof(level), level, $"The ladder has ranks 1 to {Ranks.Length}.");

    /// <summary>Validates ranks and creates the ladder.</summary>
    /// <param name="currency">The currency of volume rules.</param>
    /// <param name="ranks">The ranks, lowest first.</param>
    /// <returns>The ladder.</returns>
    /// <exception cref="CommissionPlanException">The ranks break a rule (<see cref="CommissionErrorCodes.RanksUnordered"/>, <see cref="CommissionErrorCodes.InvalidRank"/>); every problem is listed.</exception>
    public static RankLadder Create(Currency currency, params IReadOnlyList<RankOptions> ranks)
    {
        var problems = Validate(currency, ranks);
        return problems.IsEmpty ? Build(currency, ranks) : throw new CommissionPlanException("rank ladder", problems);
    }

    /// <summary>Every rule the ranks break; empty when they make a valid ladder.</summary>
    /// <param name="currency">The currency of volume rules.</param>
    /// <param name="ranks">The ranks, lowest first.</param>
    /// <returns>The problems, each with its code.</returns>
    public static ImmutableArray<CommissionPlanProblem> Validate(Currency currency, IReadOnlyList<RankOptions> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        var problems = ImmutableArray.CreateBuilder<CommissionPlanProblem>();
        void Invalid(string message) => problems.Add(new(CommissionErrorCodes.InvalidRank, message));
        if (ranks.Count > MaxRanks)
        {
            Invalid($"Ranks has {ranks.Count} ranks; a ladder has at most {MaxRanks}.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ranks.Count; i++)
        {
            var rank = ranks[i];
            var where = $"Ranks[{i}]";
            if (rank is null)
            {
                Invalid($"{where} is missing.");
                continue;
            }

            where = $"Ranks[{i}] '{rank.Code}'";
            if (string.IsNullOrWhiteSpace(rank.Code))
            {
                Invalid($"Ranks[{i}] has no Code.");
            }
            else if (!codes.Add(rank.Code))
            {
                Invalid($"{where}: the code appears more than once.");
            }

            if (!rank.DifferentialRate.IsBetweenZeroAndOne)
            {
                Invalid($"{where} DifferentialRate is {rank.DifferentialRate}; it must be between 0% and 100%.");
            }

            if (rank.PeerRate is { IsBetweenZeroAndOne: false } peer)
            {
                Invalid($"{where} PeerRate is {peer}; it must be between 0% and 100%.");
            }

            foreach (var (setting, volume) in new[] { ("MinPersonalVolume", rank.MinPersonalVolume), ("MinTeamVolume", rank.MinTeamVolume) })
            {
                if (volume is { } v && (v.IsNegative || v.Currency != currency))
                {
                    Invalid($"{where} {setting} is {v}; it must be zero or more, in {currency.Code}.");
                }
            }

            if (rank.MinDirectReferrals < 0 || rank.MinQualifiedLegs < 0)
            {
                Invalid($"{where} MinDirectReferrals and MinQualifiedLegs must be zero or more (they are {rank.MinDirectReferrals} and {rank.MinQualifiedLegs}).");
            }

            if (!string.IsNullOrWhiteSpace(rank.LegRank) && !ranks.Any(r => r is not null && r.Code == rank.LegRank))
            {
                Invalid($"{where} LegRank '{rank.LegRank}' is not a rank of the ladder.");
            }

            if (i > 0 && ranks[i - 1] is { } lower && rank.DifferentialRate <= lower.DifferentialRate)
            {
                problems.Add(new(CommissionErrorCodes.RanksUnordered, $"{where} DifferentialRate {rank.DifferentialRate} is not above {lower.Code}'s {lower.DifferentialRate}; list ranks lowest first with strictly increasing rates."));
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>Finds a rank by code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="rank">The rank when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryFind(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Rank? rank)
    {
        foreach (var r in Ranks)
        {
            if (r.Code == code)
            {
                rank = r;
                return true;
            }
        }

        rank = null;
        return false;
    }

    private static RankLadder Build(Currency currency, IReadOnlyList<RankOptions> ranks)
    {
        var built = new Rank[ranks.Count];
        for (var i = 0; i < built.Length; i++)
        {
            var legRank = ranks[i].LegRank;
            var legLevel = 1;
            for (var k = 0; k < ranks.Count && !string.IsNullOrWhiteSpace(legRank); k++)
            {
                if (ranks[k].Code == legRank)
                {
                    legLevel = k + 1;
                }
            }

            built[i] = new Rank(ranks[i], i + 1, legLevel);
        }

        return new RankLadder(currency, [.. built]);
    }
}
