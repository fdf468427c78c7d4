namespace CommunityModel.Organisation;

/// <summary>An eligible member cast their one vote in an open election.</summary>
/// <param name="ElectionId">The election.</param>
/// <param name="Voter">The voter.</param>
/// <param name="Candidate">The candidate voted for.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record VoteCast(string ElectionId, MemberId Voter, MemberId Candidate, DateTimeOffset OccurredAt) : IOrganisationEvent;
