namespace CommunityModel.Organisation;

/// <summary>An approved activity ran, inside its registered window.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="OccurredAt">When it was held.</param>
public sealed record ActivityHeld(string ActivityId, DateTimeOffset OccurredAt) : IOrganisationEvent;
