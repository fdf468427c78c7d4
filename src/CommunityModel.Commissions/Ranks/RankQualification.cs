using System.Collections.Immutable;

namespace CommunityModel.Commissions.Ranks;

/// <summary>Why a member holds its rank for a period: every rank of the ladder tested, highest first.</summary>
/// <param name="Member">The member.</param>
/// <param name="Held">The rank held; <see langword="null"/> for none.</param>
/// <param name="Qualified">The highest rank whose every rule held this period; <see langword="null"/> for none.</param>
/// <param name="KeptFromPrevious">Whether <paramref name="Held"/> is a higher rank kept from the previous period (<see cref="RankRetention.KeepHighestReached"/>).</param>
/// <param name="Assessments">Every rank of the ladder, highest first, with each rule held or failed.</param>
public sealed record RankQualification(MemberId Member, Rank? Held, Rank? Qualified, bool KeptFromPrevious, ImmutableArray<RankAssessment> Assessments);
