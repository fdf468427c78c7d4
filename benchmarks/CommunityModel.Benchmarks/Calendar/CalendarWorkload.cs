using System.Collections.Immutable;
using CommunityModel.Calendar;
using CommunityModel.Campaigns;
using CommunityModel.Metrics;
using CommunityModel.Organisation;

namespace CommunityModel.Benchmarks.Calendar;

/// <summary>
/// A month of a training business: four classes of two squads each, members joined before the month, ten activities per
/// class, and attendance events drawn at random (a member of the class, now and then a guest; repeats included).
/// </summary>
public sealed class CalendarWorkload
{
    private CalendarWorkload(ActivityPlan plan, ImmutableArray<IOrganisationEvent> organisation, IDomainEvent[] attendance, int members)
    {
        Plan = plan;
        Organisation = organisation;
        Attendance = attendance;
        Members = members;
    }

    /// <summary>The month's plan.</summary>
    public ActivityPlan Plan { get; }

    /// <summary>The organisation's events: classes, squads, members joining.</summary>
    public ImmutableArray<IOrganisationEvent> Organisation { get; }

    /// <summary>The attendance events.</summary>
    public IDomainEvent[] Attendance { get; }

    /// <summary>Members in the organisation, ids 1 to this.</summary>
    public int Members { get; }

    /// <summary>Builds a workload.</summary>
    /// <param name="members">Members in the organisation.</param>
    /// <param name="attendance">Attendance events.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The workload.</returns>
    public static CalendarWorkload Create(int members, int attendance, int seed)
    {
        var random = new Random(seed);
        var offset = TimeSpan.FromHours(8);
        var founded = new DateTimeOffset(2026, 2, 1, 9, 0, 0, offset);
        var organisation = ImmutableArray.CreateBuilder<IOrganisationEvent>();
        var classes = new[] { "class-1", "class-2", "class-3", "class-4" };
        foreach (var c in classes)
        {
            organisation.Add(new GroupFounded(c, GroupKind.Class, CommunityModel.Organisation.Organisation.Headquarters, c, founded));
            organisation.Add(new GroupFounded(c + "-a", GroupKind.Squad, c, c + " a", founded));
            organisation.Add(new GroupFounded(c + "-b", GroupKind.Squad, c, c + " b", founded));
        }

        for (var m = 1; m <= members; m++)
        {
            var c = classes[m % classes.Length];
            var group = (m / classes.Length % 3) switch { 0 => c, 1 => c + "-a", _ => c + "-b" };
            organisation.Add(new MemberJoinedGroup(m, group, founded.AddMinutes(m % 1000)));
        }

        var kinds = Enum.GetValues<PlayKind>();
        var activities = new List<PlannedActivity>();
        for (var c = 0; c < classes.Length; c++)
        {
            for (var i = 0; i < 10; i++)
            {
                var start = new DateTimeOffset(2026, 3, 2 + (i * 3), 19 + c, 0, 0, offset);
                activities.Add(new PlannedActivity($"{classes[c]}-act-{i}", classes[c], kinds[i % kinds.Length], 900 + c, $"activity {i}", start, start.AddHours(1)));
            }
        }

        var plan = ActivityPlan.Create(2026, 3, classes, activities);
        var events = new IDomainEvent[attendance];
        for (var n = 0; n < attendance; n++)
        {
            var a = activities[random.Next(activities.Count)];
            var c = Array.IndexOf(classes, a.GroupId);
            MemberId member = random.Next(20) == 0
                ? members + 1 + random.Next(1000) // a guest
                : c + (classes.Length * (1 + random.Next((members / classes.Length) - 1))); // a member of the class (member m is in class m % 4)
            events[n] = new AttendanceRecorded(member, a.ActivityId, a.GroupId, a.StartsAt.AddMinutes(5));
        }

        return new CalendarWorkload(plan, organisation.ToImmutable(), events, members);
    }
}
