using CommunityModel.Calendar;
using CommunityModel.Campaigns;
using CommunityModel.Catalog;
using CommunityModel.Metrics;
using CommunityModel.Organisation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests.Calendar;

/// <summary>The activity calendar: conflicts and gaps of a month's plan, participation, leads, attributed sales and the review (复盘).</summary>
public class ActivityCalendarTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Founded = new(2026, 2, 1, 9, 0, 0, Cst);
    private static readonly MemberId Teacher = 900, Other = 901;

    private static DateTimeOffset March(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, Cst);

    private static PlannedActivity Activity(string id, string group, PlayKind kind, MemberId organiser, DateTimeOffset start, TimeSpan length) =>
        new(id, group, kind, organiser, id + " title", start, start + length);

    private static List<IOrganisationEvent> Organisation(string group, int members, int firstId = 1)
    {
        var events = new List<IOrganisationEvent> { new GroupFounded(group, GroupKind.Class, CommunityModel.Organisation.Organisation.Headquarters, group, Founded) };
        for (var m = firstId; m < firstId + members; m++)
        {
            events.Add(new MemberJoinedGroup(m, group, Founded.AddDays(1)));
        }

        return events;
    }

    private static ProductPurchased Sale(MemberId buyer, string orderId, decimal yuan, DateTimeOffset at) =>
        new(buyer, orderId, "course", ProductKind.OnlineCourse, LadderTier.Entry, Money.Cny(yuan), Money.Cny(yuan), at);

    [Fact]
    public void Seed_004_a_public_class_of_1000_group_members_with_232_attending_is_23_2_percent()
    {
        var plan = ActivityPlan.Create(2026, 3, [], [Activity("open-class", "lead-groups", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromMinutes(90))]);
        var attendance = Enumerable.Range(1, 232).Select(m => (IDomainEvent)new AttendanceRecorded(m, "open-class", "lead-groups", March(10, 20, 5)));

        var outcome = ActivityCalendar.Participation(plan, Organisation("lead-groups", 1000), attendance).Single();

        Assert.Equal(1000, outcome.GroupMembers);
        Assert.Equal(232, outcome.Attendees);
        Assert.Equal(Rate.FromPercent(23.2m), outcome.Participation);
        Assert.Equal(ActivityParticipation.Of(232, 1000), outcome.Participation);
    }

    [Fact]
    public void Members_are_counted_when_the_activity_starts_a_class_counts_its_squads_and_outsiders_are_guests()
    {
        var organisation = Organisation("class-a", 8);
        organisation.Add(new GroupFounded("squad-1", GroupKind.Squad, "class-a", "squad one", Founded));
        organisation.Add(new MemberJoinedGroup(20, "squad-1", Founded.AddDays(2)));  // under the class: counted
        organisation.Add(new MemberLeftGroup(1, "class-a", "left", March(5, 9)));    // gone before: not counted
        organisation.Add(new MemberJoinedGroup(30, "class-a", March(12, 9)));        // joined after: not counted
        var plan = ActivityPlan.Create(2026, 3, [], [Activity("mc", "class-a", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromHours(1))]);
        IDomainEvent[] events =
        [
            new AttendanceRecorded(2, "mc", "class-a", March(10, 20)),
            new AttendanceRecorded(2, "mc", "class-a", March(10, 20, 30)), // twice: once
            new AttendanceRecorded(20, "mc", "squad-1", March(10, 20)),
            new AttendanceRecorded(1, "mc", "class-a", March(10, 20)),     // left: a guest
            new AttendanceRecorded(77, "mc", "class-a", March(10, 20)),    // never in: a guest
            new AttendanceRecorded(3, "other-month", "class-a", March(10, 20)),
        ];

        var outcome = ActivityCalendar.Participation(plan, organisation, events).Single();

        Assert.Equal((8L, 2L, 2L), (outcome.GroupMembers, outcome.Attendees, outcome.Guests)); // 7 of the class + 1 of the squad
        Assert.Equal(Rate.FromPercent(25m), outcome.Participation);
    }

    [Theory]
    [InlineData(0L)]                 // ids 1..30: members are found by id in an array
    [InlineData(1_000_000_000_000L)] // ids far apart from zero: found through the dictionary
    public void Participation_is_the_same_whatever_the_member_ids(long offset)
    {
        MemberId Id(long m) => m + offset;
        var organisation = new List<IOrganisationEvent> { new GroupFounded("class-a", GroupKind.Class, CommunityModel.Organisation.Organisation.Headquarters, "class-a", Founded) };
        organisation.AddRange(Enumerable.Range(1, 30).Select(m => new MemberJoinedGroup(Id(m), "class-a", Founded.AddDays(1))));
        organisation.Add(new MemberLeftGroup(Id(1), "class-a", "left", March(5, 9)));
        var plan = ActivityPlan.Create(2026, 3, [], [Activity("mc", "class-a", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromHours(1))]);
        IDomainEvent[] events =
        [
            .. Enumerable.Range(2, 12).Select(m => new AttendanceRecorded(Id(m), "mc", "class-a", March(10, 20))),
            new AttendanceRecorded(Id(1), "mc", "class-a", March(10, 20)),      // left before: a guest
            new AttendanceRecorded(Id(5_000), "mc", "class-a", March(10, 20)),  // beyond every member id: a guest
            new AttendanceRecorded(Id(31), "mc", "class-a", March(10, 20)),     // just past the highest: a guest
        ];

        var outcome = ActivityCalendar.Participation(plan, organisation, events).Single();

        Assert.Equal((29L, 12L, 3L), (outcome.GroupMembers, outcome.Attendees, outcome.Guests));
    }

    [Fact]
    public void The_review_attributes_sales_by_the_named_activity_else_by_the_window_and_ranks_the_month_the_same_from_stored_events()
    {
        // mc: a marketing class 20:00–21:30 with four attendees; camp: a bootcamp on the 20th with three.
        var plan = ActivityPlan.Create(2026, 3, ["class-a"],
        [
            Activity("mc", "class-a", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromMinutes(90)),
            Activity("camp", "class-a", PlayKind.Bootcamp, Other, March(20, 19), TimeSpan.FromHours(2)),
        ]);
        var events = new List<IDomainEvent>();
        events.AddRange(new MemberId[] { 1, 2, 3, 4 }.Select(m => new AttendanceRecorded(m, "mc", "class-a", March(10, 20))));
        events.AddRange(new MemberId[] { 5, 6, 7 }.Select(m => new AttendanceRecorded(m, "camp", "class-a", March(20, 19))));
        events.Add(Sale(1, "o-1", 3600m, March(10, 22)));     // same night, within 6 hours of the end: mc
        events.Add(Sale(2, "o-2", 199m, March(11, 12)));      // next noon, after the window: none
        events.Add(Sale(5, "o-3", 100m, March(20, 23)));      // camp
        events.Add(Sale(9, "o-4", 50m, March(25, 10)));       // named camp (a non-attendee): camp
        events.Add(Sale(3, "o-5", 80m, March(10, 21)));       // named an activity not in the plan: none
        events.Add(new LeadFlagged(3, "mc", "asked for the price", March(10, 21)));
        events.Add(new LeadFlagged(3, "mc", "asked again", March(10, 21, 10)));
        events.Add(new LeadFlagged(4, "mc", "survey: wants to enrol", March(10, 21, 20)));
        var named = new Dictionary<string, string> { ["o-4"] = "camp", ["o-5"] = "last-month" };

        var review = ActivityCalendar.Review(plan, Organisation("class-a", 10), events, o => named.GetValueOrDefault(o.OrderId));

        // The calendar keeps no state of its own: from the events as stored and read back (organisation, attendance, sales,
        // leads) the review is the same.
        var serializer = new CommunityModel.Persistence.EventSerializer(new CommunityModel.Persistence.EventTypeRegistry(CommunityModel.Persistence.CommunityEventTypes.All));
        var replayed = ActivityCalendar.Review(
            plan,
            [.. Organisation("class-a", 10).Select(e => (IOrganisationEvent)serializer.Deserialize(serializer.Serialize(e)))],
            [.. events.Select(e => serializer.Deserialize(serializer.Serialize(e)))],
            o => named.GetValueOrDefault(o.OrderId));
        Assert.Equal(review.Activities.AsEnumerable(), replayed.Activities.AsEnumerable());
        Assert.Equal(review.UnattributedOrders, replayed.UnattributedOrders);

        var mc = review.Activities.Single(a => a.Activity.ActivityId == "mc");
        var camp = review.Activities.Single(a => a.Activity.ActivityId == "camp");
        Assert.Equal((4L, 2L, 1L, 1L, Money.Cny(3600m)), (mc.Attendees, mc.Leads, mc.Buyers, mc.Orders, mc.Revenue));
        Assert.Equal(Rate.FromPercent(25m), mc.Conversion);            // 1 of 4 attendees bought
        Assert.Equal(Money.Cny(900m), mc.RevenuePerAttendee);          // ¥3,600 ÷ 4
        Assert.Equal((3L, 2L, 2L, Money.Cny(150m)), (camp.Attendees, camp.Buyers, camp.Orders, camp.Revenue));
        Assert.Equal(Rate.Of(1, 3), camp.Conversion);                  // buyer 9 did not attend
        Assert.Equal(Money.Cny(50m), camp.RevenuePerAttendee);         // ¥150 ÷ 3
        Assert.Equal(2, review.UnattributedOrders);
        Assert.Equal(["camp", "mc"], review.ByConversion.Select(o => o.Activity.ActivityId));
        Assert.Equal(["mc", "camp"], review.ByRevenuePerAttendee.Select(o => o.Activity.ActivityId));
    }

    [Fact]
    public void Of_two_attended_activities_starting_at_once_a_sale_goes_to_the_first_in_the_plan_whatever_the_order_attended()
    {
        var plan = ActivityPlan.Create(2026, 3, [],
        [
            Activity("b-camp", "class-a", PlayKind.Bootcamp, Teacher, March(10, 20), TimeSpan.FromHours(1)),
            Activity("a-class", "class-a", PlayKind.MarketingClass, Other, March(10, 20), TimeSpan.FromHours(2)),
        ]);
        IDomainEvent[] events =
        [
            new AttendanceRecorded(1, "b-camp", "class-a", March(10, 20)),
            new AttendanceRecorded(1, "a-class", "class-a", March(10, 20, 5)),
            Sale(1, "o-1", 100m, March(10, 22)),
        ];

        var review = ActivityCalendar.Review(plan, Organisation("class-a", 3), events);

        Assert.Equal(["a-class", "b-camp"], plan.Activities.Select(a => a.ActivityId));   // by start, then id
        Assert.Equal([1L, 0L], review.Activities.Select(a => a.Orders));
        Assert.Equal(Rate.FromPercent(100m), review.Activities[0].Conversion);
    }

    [Theory]
    [InlineData(RoundingMode.HalfUp, 33.33)]
    [InlineData(RoundingMode.Up, 33.34)]
    [InlineData(RoundingMode.Down, 33.33)]
    public void Revenue_per_attendee_is_exact_money_rounded_as_configured(RoundingMode rounding, decimal expected)
    {
        var plan = ActivityPlan.Create(2026, 3, [], [Activity("mc", "class-a", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromHours(1))], new CalendarOptions { Rounding = rounding });
        IDomainEvent[] events = [.. new MemberId[] { 1, 2, 3 }.Select(m => new AttendanceRecorded(m, "mc", "class-a", March(10, 20))), Sale(1, "o-1", 100m, March(10, 21))];

        var outcome = ActivityCalendar.Review(plan, Organisation("class-a", 5), events).Activities.Single();

        Assert.Equal(Money.Cny(expected), outcome.RevenuePerAttendee);
    }

    [Fact]
    public void An_activity_nobody_attended_in_an_empty_group_has_zero_rates_and_zero_revenue_per_attendee()
    {
        var plan = ActivityPlan.Create(2026, 3, [], [Activity("mc", "class-a", PlayKind.Survey, Teacher, March(10, 20), TimeSpan.FromHours(1))]);

        var outcome = ActivityCalendar.Review(plan, [], []).Activities.Single();

        Assert.Equal((0L, Rate.Zero, Rate.Zero, Money.Zero(Currency.CNY)), (outcome.GroupMembers, outcome.Participation, outcome.Conversion, outcome.RevenuePerAttendee));
    }

    [Fact]
    public void An_order_in_another_currency_is_refused()
    {
        var plan = ActivityPlan.Create(2026, 3, [], [Activity("mc", "class-a", PlayKind.FlashSale, Teacher, March(10, 20), TimeSpan.FromHours(1))], new CalendarOptions { Currency = Currency.USD });
        IDomainEvent[] events = [new AttendanceRecorded(1, "mc", "class-a", March(10, 20)), Sale(1, "o-1", 10m, March(10, 20, 30))];

        Assert.Throws<CurrencyMismatchException>(() => ActivityCalendar.Review(plan, Organisation("class-a", 2), events));
    }

    [Fact]
    public void Overlaps_in_a_group_and_a_double_booked_organiser_are_conflicts_and_back_to_back_is_not()
    {
        var plan = ActivityPlan.Create(2026, 3, [],
        [
            Activity("a", "class-a", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromHours(2)),
            Activity("b", "class-a", PlayKind.Survey, Other, March(10, 21), TimeSpan.FromHours(2)),        // overlaps a in class-a by 1h
            Activity("c", "class-b", PlayKind.Bootcamp, Teacher, March(10, 21, 30), TimeSpan.FromHours(1)), // Teacher runs a too: 30 min
            Activity("d", "class-a", PlayKind.FlashSale, Other, March(10, 23), TimeSpan.FromHours(1)),     // starts when b ends
        ]);

        var conflicts = ActivityCalendar.Conflicts(plan);

        Assert.Equal(
            [(ConflictKind.GroupOverlap, "a", "b", TimeSpan.FromHours(1)), (ConflictKind.OrganiserDoubleBooked, "a", "c", TimeSpan.FromMinutes(30))],
            conflicts.Select(c => (c.Kind, c.First.ActivityId, c.Second.ActivityId, c.Overlap)));
    }

    [Fact]
    public void Weeks_of_a_group_with_too_few_activities_are_gaps_counted_in_the_calendars_offset()
    {
        // March 2026 starts on a Sunday: weeks from Monday are 1, 2–8, 9–15, 16–22, 23–29, 30–31.
        var plan = ActivityPlan.Create(2026, 3, ["class-a", "class-b"],
        [
            Activity("a", "class-a", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromHours(1)),
            Activity("b", "class-a", PlayKind.Survey, Teacher, new DateTimeOffset(2026, 3, 15, 17, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)), // Monday the 16th at 01:00 in UTC+8
        ]);

        var gaps = ActivityCalendar.Gaps(plan);

        Assert.Equal(
            [(1, 1), (2, 8), (23, 29), (30, 31)],
            gaps.Where(g => g.GroupId == "class-a").Select(g => (g.From.Day, g.To.Day)));
        Assert.Equal(6, gaps.Count(g => g.GroupId == "class-b"));
        Assert.All(gaps, g => Assert.Equal((0, 1), (g.Activities, g.Required)));
        Assert.Empty(ActivityCalendar.Gaps(ActivityPlan.Create(2026, 3, ["class-a"], [], new CalendarOptions { MinimumActivitiesPerWeek = 0 })));
    }

    [Fact]
    public void A_plan_that_contradicts_itself_is_refused_naming_every_problem()
    {
        var error = Assert.Throws<CalendarException>(() => ActivityPlan.Create(2026, 3, [],
        [
            Activity("a", "class-a", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromHours(1)),
            Activity("a", "class-a", PlayKind.MarketingClass, Teacher, March(11, 20), TimeSpan.FromHours(1)),
            Activity("late", "class-a", PlayKind.Survey, Teacher, new DateTimeOffset(2026, 4, 1, 0, 0, 0, Cst), TimeSpan.FromHours(1)),
            Activity("back", "class-a", PlayKind.Survey, Teacher, March(12, 20), TimeSpan.FromHours(-1)),
            new PlannedActivity("", " ", (PlayKind)42, default, "", March(3, 1), March(3, 2)),
            null!,
        ]));

        Assert.Equal(ErrorCodes.CalendarInvalidPlan, error.ErrorCode);
        foreach (var problem in new[]
        {
            "activity 'a' is planned twice", "activity 'late' starts at 2026-04-01T00:00:00.0000000+08:00, outside 2026-03 (UTC+08:00)",
            "activity 'back' ends at", "an activity has no id", "an activity without an id has no group", "has no title", "has no organiser",
            "is of play kind 42, which is not a play", "an activity is missing",
        })
        {
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(2026, 13)]
    [InlineData(0, 3)]
    public void A_month_that_is_not_one_is_refused(int year, int month) =>
        Assert.Equal(ErrorCodes.CalendarInvalidPlan, Assert.Throws<CalendarException>(() => ActivityPlan.Create(year, month, [], [])).ErrorCode);

    [Fact]
    public void Unusable_options_are_refused_naming_every_setting()
    {
        var options = new CalendarOptions { MinimumActivitiesPerWeek = -1, WeekStartsOn = (DayOfWeek)9, UtcOffset = TimeSpan.FromHours(15), AttributionWindow = TimeSpan.FromHours(-1), Rounding = (RoundingMode)9 };

        var error = Assert.Throws<CalendarException>(() => ActivityPlan.Create(2026, 3, [], [], options));

        Assert.Equal(ErrorCodes.CalendarInvalidOptions, error.ErrorCode);
        foreach (var setting in new[] { "Calendar:MinimumActivitiesPerWeek", "Calendar:WeekStartsOn", "Calendar:UtcOffset", "Calendar:AttributionWindow", "Calendar:Rounding" })
        {
            Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(CalendarOptionsValidator.Problems(new CalendarOptions()));
    }

    [Property(MaxTest = 100)]
    public Property The_review_does_not_depend_on_the_order_of_events_and_counts_each_attendance_once() =>
        Prop.ForAll(Attendances, attendances =>
        {
            var plan = ActivityPlan.Create(2026, 3, [],
            [
                Activity("a", "class-a", PlayKind.MarketingClass, Teacher, March(10, 20), TimeSpan.FromHours(2)),
                Activity("b", "class-a", PlayKind.Bootcamp, Other, March(10, 21), TimeSpan.FromHours(2)),
            ]);
            var events = attendances.Select(x => x.Sale
                ? (IDomainEvent)Sale(x.Member, $"o-{x.Member}-{x.Minute}", 10m + x.Minute, March(10, 20).AddMinutes(x.Minute * 3))
                : new AttendanceRecorded(x.Member, x.Minute % 2 == 0 ? "a" : "b", "class-a", March(10, 20))).ToList();
            var organisation = Organisation("class-a", 20);

            var forward = ActivityCalendar.Review(plan, organisation, events);
            var backward = ActivityCalendar.Review(plan, organisation, Enumerable.Reverse(events));

            Assert.True(forward.Activities.SequenceEqual(backward.Activities), string.Join("\n", forward.Activities.Zip(backward.Activities, (f, b) => $"{f} | {b}")));
            var pairs = events.OfType<AttendanceRecorded>().Select(a => (a.Member, a.ActivityId)).Distinct().ToList();
            Assert.Equal(pairs.Count(p => p.Member.Value <= 20), forward.Activities.Sum(o => o.Attendees));
            Assert.Equal(pairs.Count(p => p.Member.Value > 20), forward.Activities.Sum(o => o.Guests));
            Assert.Equal(events.OfType<ProductPurchased>().Count(), forward.Activities.Sum(o => o.Orders) + forward.UnattributedOrders);
        });

    private static Arbitrary<(MemberId Member, int Minute, bool Sale)[]> Attendances { get; } =
        Gen.Choose(1, 25).SelectMany(m => Gen.Choose(0, 300).SelectMany(minute => Gen.Elements(true, false).Select(sale => ((MemberId)m, minute, sale))))
            .ArrayOf()
            .ToArbitrary();
}
