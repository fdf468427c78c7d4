namespace CommunityModel.Organisation;

/// <summary>The votes one candidate received.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Votes">The votes.</param>
public readonly record struct CandidateVotes(MemberId Candidate, int Votes);
