using System.Globalization;
using CommunityModel.Calendar;
using Spectre.Console;

namespace CommunityModel.Demo;

/// <summary>Draws the operating rhythm of a <see cref="YearReport"/>: the care teams, the last month's calendar, participation per activity and the review (复盘).</summary>
internal static class RhythmView
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Render(YearReport report, IAnsiConsole console, TableBorder border)
    {
        if (report.CareTeams is { } care)
        {
            ReportView.Section(console, "The work pipeline 获客 — 培训 — 管理: each fan's promoter 推广员, trainer 培训师 and manager 管理员");
            var pipeline = ReportView.Table(border, 1, "Fans with a full care team", "Orders carrying it", "Their revenue");
            pipeline.AddRow(ReportView.N(care.Customers), ReportView.N(care.Orders), care.Revenue.ToString());
            console.Write(pipeline);
        }

        if (report.Calendar is not { } review)
        {
            return;
        }

        var plan = review.Plan;
        ReportView.Section(console, string.Create(Invariant, $"Activity calendar 活动日历 {plan.Year}-{plan.Month:00}: {plan.Activities.Length} activities in {plan.Groups.Length} classes, {review.Conflicts.Length} conflicts, {review.Gaps.Length} class-weeks without an activity"));
        var calendar = ReportView.Table(border, 4, "Activity", "Play", "Class", "When", "Members", "Attendees", "到课率", "Leads", "Orders", "Revenue", "Conversion", "Per attendee");
        foreach (var o in review.Activities)
        {
            var a = o.Activity;
            calendar.AddRow(a.ActivityId, Play(a.Kind), a.GroupId, a.StartsAt.ToString("MM-dd HH:mm", Invariant), ReportView.N(o.GroupMembers), ReportView.N(o.Attendees), ReportView.Pct(o.Participation), ReportView.N(o.Leads), ReportView.N(o.Orders), o.Revenue.ToString(), ReportView.Pct(o.Conversion), o.RevenuePerAttendee.ToString());
        }

        console.Write(calendar);
        console.Write(ReportView.Chart("Participation per activity 到课率 (%)", review.Activities.Where(o => o.Attendees > 0).Select(o => (o.Activity.ActivityId, (double)(o.Participation.Fraction * 100m))), Color.SteelBlue));
        foreach (var conflict in review.Conflicts.Take(5))
        {
            console.WriteLine(string.Create(Invariant, $"conflict: {conflict.Kind} {conflict.First.ActivityId} / {conflict.Second.ActivityId}, {conflict.Overlap.TotalMinutes:0} minutes"));
        }

        ReportView.Section(console, string.Create(Invariant, $"The month's review 复盘: activities ranked by conversion and by revenue per attendee (orders attributed by the play named, else within {OperatingRhythm.AttributionWindow.TotalDays:0} days of a class attended; {review.UnattributedOrders:N0} orders unattributed)"));
        var ranked = ReportView.Table(border, 1, "Rank", "By conversion", "Conversion", "By revenue per attendee", "Per attendee");
        for (var i = 0; i < Math.Min(5, review.ByConversion.Length); i++)
        {
            ranked.AddRow(ReportView.N(i + 1), review.ByConversion[i].Activity.ActivityId, ReportView.Pct(review.ByConversion[i].Conversion), review.ByRevenuePerAttendee[i].Activity.ActivityId, review.ByRevenuePerAttendee[i].RevenuePerAttendee.ToString());
        }

        console.Write(ranked);
        console.Write(ReportView.Chart("Revenue per attendee (CNY)", review.ByRevenuePerAttendee.Where(o => o.Attendees > 0).Take(8).Select(o => (o.Activity.ActivityId, (double)o.RevenuePerAttendee.Amount)), Color.Green));
    }

    private static string Play(Campaigns.PlayKind kind) => kind switch
    {
        Campaigns.PlayKind.Bootcamp => "训练营",
        Campaigns.PlayKind.MarketingClass => "营销课",
        Campaigns.PlayKind.Survey => "社群表单",
        Campaigns.PlayKind.FlashSale => "秒杀",
        Campaigns.PlayKind.FlashGroup => "快闪群",
        _ => "拼团",
    };
}
