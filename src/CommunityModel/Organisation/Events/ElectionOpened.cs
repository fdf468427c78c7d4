using System.Collections.Immutable;

namespace CommunityModel.Organisation;

/// <summary>
/// A class monitor election (班长选举) opened: the candidates, and the members eligible to vote — every member of the class
/// and its squads when it opened, so the count of eligible voters (the quorum's base) never moves.
/// </summary>
/// <param name="ElectionId">The election's id.</param>
/// <param name="ClassId">The class electing its monitor.</param>
/// <param name="Candidates">The candidates, in the order listed (the tie rule may read it).</param>
/// <param name="Eligible">The members eligible to vote, once each.</param>
/// <param name="OccurredAt">When it opened.</param>
public sealed record ElectionOpened(string ElectionId, string ClassId, ImmutableArray<MemberId> Candidates, ImmutableArray<MemberId> Eligible, DateTimeOffset OccurredAt) : IOrganisationEvent
{
    /// <summary>Whether both open the same election with the same candidates and eligible voters, in the same order.</summary>
    /// <param name="other">The other event.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ElectionOpened? other) =>
        other is not null && ElectionId == other.ElectionId && ClassId == other.ClassId && OccurredAt == other.OccurredAt
        && Candidates.AsSpan().SequenceEqual(other.Candidates.AsSpan()) && Eligible.AsSpan().SequenceEqual(other.Eligible.AsSpan());

    /// <summary>A hash of the election id and the time.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(ElectionId, ClassId, OccurredAt, Candidates.Length, Eligible.Length);
}
