namespace CommunityModel.Organisation;

/// <summary>A registered activity was rejected and may not run.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record ActivityRejected(string ActivityId, string Reason, DateTimeOffset OccurredAt) : IOrganisationEvent;
