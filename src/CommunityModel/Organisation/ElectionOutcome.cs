namespace CommunityModel.Organisation;

/// <summary>How an election ended.</summary>
public enum ElectionOutcome
{
    /// <summary>A candidate won: most votes, or the tie rule chose among the tied.</summary>
    Elected,

    /// <summary>The most votes were tied and the tie rule names no winner: the class elects again.</summary>
    Tied,

    /// <summary>Fewer eligible members voted than the quorum asks: no result.</summary>
    NoQuorum,
}
