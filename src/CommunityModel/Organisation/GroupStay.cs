namespace CommunityModel.Organisation;

/// <summary>A member's stay in one group, kept after the member moved on or left.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="From">When the stay began.</param>
/// <param name="Until">When it ended; <see langword="null"/> while the member is still there.</param>
public sealed record GroupStay(string GroupId, DateTimeOffset From, DateTimeOffset? Until);
