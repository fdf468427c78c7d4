namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// <c>POST /month-end</c> (admin). A period is closed once: the same request again answers the first run's report
/// (<c>"replayed": true</c>), the same period with another <see cref="ExpectedPayout"/> is a 409.
/// </summary>
/// <param name="Period">The month to close, <c>yyyy-MM</c> in the plan's time zone; the current month when left out, and only the current month can be started.</param>
/// <param name="ExpectedPayout">The total of the pending withdrawals the admin reviewed; when given, a run that would pay another total is refused (409 <c>crm.payout_changed</c>) and nothing is paid.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record MonthEndRequest(string? Period = null, Money? ExpectedPayout = null);
