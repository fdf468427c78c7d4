using System.Collections.Immutable;

namespace CommunityModel.Organisation;

/// <summary>An election closed: its tally, its outcome and, when elected, the winner (followed by <see cref="LeaderAppointed"/>).</summary>
/// <param name="ElectionId">The election.</param>
/// <param name="Outcome">Elected, tied without a winner, or short of the quorum.</param>
/// <param name="Winner">The winner when <see cref="ElectionOutcome.Elected"/>; otherwise <see langword="null"/>.</param>
/// <param name="Tally">The votes each candidate received, in the candidates' order.</param>
/// <param name="Turnout">Votes cast over eligible voters.</param>
/// <param name="OccurredAt">When it closed.</param>
public sealed record ElectionDecided(string ElectionId, ElectionOutcome Outcome, MemberId? Winner, ImmutableArray<CandidateVotes> Tally, Rate Turnout, DateTimeOffset OccurredAt) : IOrganisationEvent
{
    /// <summary>Whether both record the same result with the same tally.</summary>
    /// <param name="other">The other event.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ElectionDecided? other) =>
        other is not null && ElectionId == other.ElectionId && Outcome == other.Outcome && Winner == other.Winner && Turnout == other.Turnout
        && OccurredAt == other.OccurredAt && Tally.AsSpan().SequenceEqual(other.Tally.AsSpan());

    /// <summary>A hash of the election id, the outcome and the time.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(ElectionId, Outcome, Winner, OccurredAt, Tally.Length);
}
