using System.Collections.Immutable;
using CommunityModel.Organisation;

namespace CommunityModel.Calendar;

/// <summary>
/// The activity calendar (活动日历): a month's plan checked for conflicts and gaps, and reviewed against what happened —
/// participation (到课率 = attendees ÷ group members when the activity started; seed 004's 232 of 1,000 = 23.2%), leads
/// flagged, sales attributed, and the month's review (复盘) ranking activities by conversion and by revenue per attendee.
/// Pure functions over the plan and the stored events, like the metrics.
/// </summary>
/// <remarks>
/// <para>Sales are attributed in this order: an order that names an activity (<c>activityOf</c>, e.g. the play id the
/// order carries) goes to that activity when it is in the plan, and to none when it is not; an order that names none goes
/// to the latest-starting activity the buyer attended whose window, stretched by
/// <see cref="CalendarOptions.AttributionWindow"/> after its end, holds the payment; otherwise to none.</para>
/// <para>Revenue is what the attributed orders paid, gross of later refunds.</para>
/// </remarks>
public static class ActivityCalendar
{
    /// <summary>Activities that overlap in one group, and organisers booked for two overlapping activities.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The conflicts, by the first activity's start, then kind.</returns>
    public static ImmutableArray<CalendarConflict> Conflicts(ActivityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var conflicts = new List<CalendarConflict>();
        var activities = plan.Activities; // by start, then id
        for (var i = 0; i < activities.Length; i++)
        {
            for (var j = i + 1; j < activities.Length && activities[j].StartsAt < activities[i].EndsAt; j++)
            {
                var (a, b) = (activities[i], activities[j]);
                var overlap = (a.EndsAt < b.EndsAt ? a.EndsAt : b.EndsAt) - b.StartsAt;
                if (string.Equals(a.GroupId, b.GroupId, StringComparison.Ordinal))
                {
                    conflicts.Add(new CalendarConflict(ConflictKind.GroupOverlap, a, b, overlap));
                }

                if (a.Organiser == b.Organiser)
                {
                    conflicts.Add(new CalendarConflict(ConflictKind.OrganiserDoubleBooked, a, b, overlap));
                }
            }
        }

        return [.. conflicts];
    }

    /// <summary>The weeks of the month in which a group of the plan has fewer activities than <see cref="CalendarOptions.MinimumActivitiesPerWeek"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The gaps, by group in the plan's order, then week.</returns>
    public static ImmutableArray<CalendarGap> Gaps(ActivityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var options = plan.Options;
        var required = options.MinimumActivitiesPerWeek;
        if (required == 0)
        {
            return [];
        }

        var weeks = new List<(DateOnly From, DateOnly To)>();
        var day = plan.FirstDay;
        while (day <= plan.LastDay)
        {
            var end = day;
            while (end < plan.LastDay && end.AddDays(1).DayOfWeek != options.WeekStartsOn)
            {
                end = end.AddDays(1);
            }

            weeks.Add((day, end));
            day = end.AddDays(1);
        }

        var gaps = new List<CalendarGap>();
        foreach (var group in plan.Groups)
        {
            foreach (var (from, to) in weeks)
            {
                var count = 0;
                foreach (var a in plan.Activities)
                {
                    var local = DateOnly.FromDateTime(a.StartsAt.ToOffset(options.UtcOffset).DateTime);
                    if (string.Equals(a.GroupId, group, StringComparison.Ordinal) && local >= from && local <= to)
                    {
                        count++;
                    }
                }

                if (count < required)
                {
                    gaps.Add(new CalendarGap(group, from, to, count, required));
                }
            }
        }

        return [.. gaps];
    }

    /// <summary>Participation in each activity of the plan: attendees ÷ members of its group when it started.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="organisation">The organisation's events up to the month's end (groups founded, members joining, moving, leaving).</param>
    /// <param name="events">The community's events; <see cref="Metrics.AttendanceRecorded"/> of the plan's activities are read, the rest skipped.</param>
    /// <returns>Each activity's outcome with no leads or sales, in the plan's order.</returns>
    public static ImmutableArray<ActivityOutcome> Participation(ActivityPlan plan, IEnumerable<IOrganisationEvent> organisation, IEnumerable<IDomainEvent> events) =>
        Review(plan, organisation, events.Where(e => e is Metrics.AttendanceRecorded)).Activities;

    /// <summary>The month's review (复盘): each activity's participation, leads and attributed sales, ranked.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="organisation">The organisation's events up to the month's end.</param>
    /// <param name="events">
    /// The community's events: <see cref="Metrics.AttendanceRecorded"/>, <see cref="LeadFlagged"/> and the purchase events
    /// (products and memberships) are read; others are skipped.
    /// </param>
    /// <param name="activityOf">The activity an order names, when any (e.g. <c>o =&gt; o.Play</c>); <see langword="null"/>: orders name none and the attribution window decides.</param>
    /// <returns>The review.</returns>
    /// <exception cref="CurrencyMismatchException">An order is not in <see cref="CalendarOptions.Currency"/>.</exception>
    public static CalendarReview Review(ActivityPlan plan, IEnumerable<IOrganisationEvent> organisation, IEnumerable<IDomainEvent> events, Func<CommunityOrder, string?>? activityOf = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(events);
        var options = plan.Options;
        var roster = new GroupRoster(organisation);
        var activities = plan.Activities;
        var index = new Dictionary<string, int>(activities.Length, StringComparer.Ordinal);
        var underByGroup = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        var under = new bool[activities.Length][];
        var starts = new DateTimeOffset[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            index[activity.ActivityId] = i;
            if (!underByGroup.TryGetValue(activity.GroupId, out under[i]!))
            {
                underByGroup[activity.GroupId] = under[i] = roster.Under(activity.GroupId);
            }

            starts[i] = activity.StartsAt;
        }

        // Every group's members at every start in one pass over the stays; attendees as a bitmap per activity over the
        // roster's member numbers, so an attendance event costs one member lookup, a walk of the member's stays and a bit.
        var members = roster.MembersAt(under, starts);
        var tallies = new Tally[activities.Length];
        for (var i = 0; i < tallies.Length; i++)
        {
            tallies[i] = new Tally(members[i], roster.MemberCount);
        }

        var orders = new List<CommunityOrder>();
        foreach (var e in events)
        {
            switch (e)
            {
                case Metrics.AttendanceRecorded a when a.ActivityId is not null && index.TryGetValue(a.ActivityId, out var i):
                    var member = roster.NumberOf(a.Member);
                    if (member >= 0 && roster.WasIn(member, under[i], starts[i].UtcTicks))
                    {
                        tallies[i].Attend(member);
                    }
                    else
                    {
                        tallies[i].Guests.Add(a.Member);
                    }

                    break;
                case LeadFlagged l when l.ActivityId is not null && index.TryGetValue(l.ActivityId, out var i):
                    tallies[i].Leads.Add(l.Member);
                    break;
                default:
                    if (MemberStream.OrderOf(e) is { } order)
                    {
                        orders.Add(order);
                    }

                    break;
            }
        }

        long unattributed = 0;
        foreach (var order in orders)
        {
            var i = Attribute(order, activityOf?.Invoke(order), index, activities, tallies, roster, options.AttributionWindow);
            if (i < 0)
            {
                unattributed++;
                continue;
            }

            if (order.Paid.Currency != options.Currency)
            {
                throw new CurrencyMismatchException(options.Currency, order.Paid.Currency, "attribute");
            }

            ref var t = ref tallies[i];
            t.Orders++;
            t.Revenue = checked(t.Revenue + order.Paid.MinorUnits);
            t.Buyers.Add(order.Member);
        }

        var outcomes = new ActivityOutcome[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var t = tallies[i];
            var attendees = t.AttendeeCount;
            var converted = t.Buyers.Count(b => t.Attended(roster.NumberOf(b)));
            var revenue = Money.FromMinorUnits(t.Revenue, options.Currency);
            outcomes[i] = new ActivityOutcome(
                activities[i],
                t.Members,
                attendees,
                t.Guests.Count,
                t.Members == 0 ? Rate.Zero : Rate.Of(attendees, t.Members),
                t.Leads.Count,
                t.Buyers.Count,
                t.Orders,
                revenue,
                attendees == 0 ? Rate.Zero : Rate.Of(converted, attendees),
                attendees == 0 ? Money.Zero(options.Currency) : revenue.Divide(attendees, options.Rounding));
        }

        ImmutableArray<ActivityOutcome> all = [.. outcomes];
        return new CalendarReview(
            plan,
            all,
            [.. all.OrderByDescending(o => o.Conversion).ThenByDescending(o => o.Revenue.MinorUnits).ThenBy(o => o.Activity.ActivityId, StringComparer.Ordinal)],
            [.. all.OrderByDescending(o => o.RevenuePerAttendee.MinorUnits).ThenByDescending(o => o.Conversion).ThenBy(o => o.Activity.ActivityId, StringComparer.Ordinal)],
            Conflicts(plan),
            Gaps(plan),
            unattributed);
    }

    // The latest-starting activity the buyer attended whose window, stretched after its end, holds the payment; of two
    // starting at the same moment, the first in the plan (by start, then id).
    private static int Attribute(CommunityOrder order, string? named, Dictionary<string, int> index, ImmutableArray<PlannedActivity> activities, Tally[] tallies, GroupRoster roster, TimeSpan window)
    {
        if (named is not null)
        {
            return index.TryGetValue(named, out var i) ? i : -1;
        }

        var best = -1;
        var member = roster.NumberOf(order.Member);
        for (var i = 0; member >= 0 && i < activities.Length; i++)
        {
            var a = activities[i];
            if (tallies[i].Attended(member) && a.StartsAt <= order.PaidAt && order.PaidAt <= a.EndsAt + window && (best < 0 || a.StartsAt > activities[best].StartsAt))
            {
                best = i;
            }
        }

        return best;
    }

    private struct Tally(long members, int rosterSize)
    {
        public readonly long Members = members;
        public readonly ulong[] Attendees = new ulong[(rosterSize + 63) / 64]; // by roster member number
        public readonly HashSet<MemberId> Guests = [];
        public readonly HashSet<MemberId> Leads = [];
        public readonly HashSet<MemberId> Buyers = [];
        public long AttendeeCount;
        public long Orders;
        public long Revenue;

        public void Attend(int member)
        {
            ref var word = ref Attendees[member >> 6];
            var bit = 1UL << (member & 63);
            if ((word & bit) == 0)
            {
                word |= bit;
                AttendeeCount++;
            }
        }

        public readonly bool Attended(int member) => member >= 0 && (Attendees[member >> 6] & (1UL << (member & 63))) != 0;
    }
}
