using System.Collections.Immutable;

namespace CommunityModel.Calendar;

/// <summary>The month's review (复盘): each activity's outcome, the rankings, and what the plan got wrong.</summary>
/// <param name="Plan">The month's plan.</param>
/// <param name="Activities">Each activity's outcome, in the plan's order.</param>
/// <param name="ByConversion">The outcomes ranked by conversion, then revenue, then id.</param>
/// <param name="ByRevenuePerAttendee">The outcomes ranked by revenue per attendee, then conversion, then id.</param>
/// <param name="Conflicts">Overlaps in one group and organisers double-booked.</param>
/// <param name="Gaps">Weeks of a group with too few activities.</param>
/// <param name="UnattributedOrders">Orders of the events attributed to no activity of the plan.</param>
public sealed record CalendarReview(
    ActivityPlan Plan,
    ImmutableArray<ActivityOutcome> Activities,
    ImmutableArray<ActivityOutcome> ByConversion,
    ImmutableArray<ActivityOutcome> ByRevenuePerAttendee,
    ImmutableArray<CalendarConflict> Conflicts,
    ImmutableArray<CalendarGap> Gaps,
    long UnattributedOrders);
