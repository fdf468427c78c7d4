namespace CommunityModel.Calendar;

/// <summary>What one activity of the month achieved.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="GroupMembers">Members of the group (and the squads under a class) when the activity started.</param>
/// <param name="Attendees">Distinct group members who attended.</param>
/// <param name="Guests">Distinct attendees who were not in the group when it started; not in the participation rate.</param>
/// <param name="Participation">到课率: attendees ÷ group members; zero for a group with no members.</param>
/// <param name="Leads">Distinct members flagged as leads at the activity.</param>
/// <param name="Buyers">Distinct buyers of the orders attributed to the activity.</param>
/// <param name="Orders">Orders attributed to the activity.</param>
/// <param name="Revenue">What the attributed orders paid (gross of later refunds).</param>
/// <param name="Conversion">Attendees who bought ÷ attendees; zero with no attendees.</param>
/// <param name="RevenuePerAttendee">Revenue ÷ attendees, rounded to the fen by <see cref="CalendarOptions.Rounding"/>; zero with no attendees.</param>
public sealed record ActivityOutcome(
    PlannedActivity Activity,
    long GroupMembers,
    long Attendees,
    long Guests,
    Rate Participation,
    long Leads,
    long Buyers,
    long Orders,
    Money Revenue,
    Rate Conversion,
    Money RevenuePerAttendee);
