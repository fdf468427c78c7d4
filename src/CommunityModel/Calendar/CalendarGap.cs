namespace CommunityModel.Calendar;

/// <summary>A week of the month in which a group has fewer activities than the calendar asks (<see cref="CalendarOptions.MinimumActivitiesPerWeek"/>).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="From">The week's first day within the month.</param>
/// <param name="To">The week's last day within the month.</param>
/// <param name="Activities">The activities the group has that week.</param>
/// <param name="Required">The activities asked for.</param>
public sealed record CalendarGap(string GroupId, DateOnly From, DateOnly To, int Activities, int Required);
