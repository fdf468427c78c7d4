namespace CommunityModel.Organisation;

/// <summary>What a tie at the top of an election means.</summary>
public enum ElectionTieRule
{
    /// <summary>No winner: the class elects again (<see cref="ElectionOutcome.Tied"/>).</summary>
    NoWinner,

    /// <summary>The tied candidate listed first when the election opened wins.</summary>
    FirstListed,
}
