namespace CommunityModel.Calendar;

/// <summary>The rules of the activity calendar: what counts as a gap, how sales are attributed, how money is rounded.</summary>
public sealed class CalendarOptions
{
    /// <summary>The activities a group should have each week; a week with fewer is a gap. One by default.</summary>
    public int MinimumActivitiesPerWeek { get; set; } = 1;

    /// <summary>The day weeks start on; Monday by default.</summary>
    public DayOfWeek WeekStartsOn { get; set; } = DayOfWeek.Monday;

    /// <summary>The offset the calendar's days and weeks are counted in; UTC+8 (China Standard Time) by default.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long after an activity ends an attendee's order is still attributed to it when the order names no activity
    /// (the same-night follow-up of a marketing class, 当晚跟进); six hours by default, zero or more.
    /// </summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How revenue per attendee is rounded to the fen; half-up (四舍五入) by default.</summary>
    public RoundingMode Rounding { get; set; } = RoundingMode.HalfUp;

    /// <summary>The currency revenue is counted in; CNY by default.</summary>
    public Currency Currency { get; set; } = Currency.CNY;
}
