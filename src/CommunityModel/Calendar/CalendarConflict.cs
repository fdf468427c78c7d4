namespace CommunityModel.Calendar;

/// <summary>Two activities whose windows overlap where they must not.</summary>
/// <param name="Kind">In one group, or one organiser.</param>
/// <param name="First">The activity that starts first (by start, then id).</param>
/// <param name="Second">The other activity.</param>
/// <param name="Overlap">How long the windows overlap.</param>
public sealed record CalendarConflict(ConflictKind Kind, PlannedActivity First, PlannedActivity Second, TimeSpan Overlap);
