namespace CommunityModel.Organisation;

/// <summary>A registered activity was approved and may run in its window.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="ApprovedBy">Who approved it.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record ActivityApproved(string ActivityId, string ApprovedBy, DateTimeOffset OccurredAt) : IOrganisationEvent;
