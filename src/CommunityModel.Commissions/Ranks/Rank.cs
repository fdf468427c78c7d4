namespace CommunityModel.Commissions.Ranks;

/// <summary>
/// One validated rank of a <see cref="RankLadder"/>: its position, differential rate, optional peer rate and
/// qualification rules. Immutable; created by the ladder from <see cref="RankOptions"/>.
/// </summary>
public sealed class Rank
{
    internal Rank(RankOptions options, int level, int legLevel)
    {
        Code = options.Code;
        Name = string.IsNullOrWhiteSpace(options.Name) ? options.Code : options.Name;
        Level = level;
        DifferentialRate = options.DifferentialRate;
        PeerRate = options.PeerRate;
        MinPersonalVolume = options.MinPersonalVolume;
        MinTeamVolume = options.MinTeamVolume;
        MinDirectReferrals = options.MinDirectReferrals;
        MinQualifiedLegs = options.MinQualifiedLegs;
        LegRank = string.IsNullOrWhiteSpace(options.LegRank) ? null : options.LegRank;
        LegLevel = legLevel;
    }

    /// <summary>The rank's stable code.</summary>
    public string Code { get; }

    /// <summary>The display name (the code when none was given).</summary>
    public string Name { get; }

    /// <summary>The position in the ladder: 1 for the lowest rank (0 means no rank).</summary>
    public int Level { get; }

    /// <summary>The differential (级差) rate of the base.</summary>
    public Rate DifferentialRate { get; }

    /// <summary>The peer-bonus rate at this rank, replacing the plan's; <see langword="null"/> to use the plan's.</summary>
    public Rate? PeerRate { get; }

    /// <summary>The least personal volume; <see langword="null"/> when the rule does not apply.</summary>
    public Money? MinPersonalVolume { get; }

    /// <summary>The least team volume; <see langword="null"/> when the rule does not apply.</summary>
    public Money? MinTeamVolume { get; }

    /// <summary>The least number of direct referrals (0: no rule).</summary>
    public int MinDirectReferrals { get; }

    /// <summary>The least number of legs holding <see cref="LegRank"/> or higher (0: no rule).</summary>
    public int MinQualifiedLegs { get; }

    /// <summary>The rank code a qualified leg must hold or exceed; <see langword="null"/> for any rank.</summary>
    public string? LegRank { get; }

    /// <summary>The level a qualified leg must hold or exceed (1 when any rank will do).</summary>
    internal int LegLevel { get; }

    /// <summary>Formats as the code and name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name == Code ? Code : $"{Code} ({Name})";
}
