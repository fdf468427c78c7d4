using CommunityModel.Calendar;
using CommunityModel.Metrics;
using CommunityModel.Organisation;

namespace CommunityModel.Benchmarks.Calendar;

/// <summary>
/// What a performance engineer would write for the calendar's participation when every member's group is fixed for the
/// month: from the same inputs as the library (the plan, the organisation's events, the attendance), members' classes in
/// a dense array, one pass over the attendance with a bitmap per activity, counts at the end.
/// </summary>
public static class HandWrittenParticipation
{
    /// <summary>Counts each activity's group members, member attendees and guests.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="organisation">The organisation's events; no member moves during the month.</param>
    /// <param name="members">The highest member id.</param>
    /// <param name="events">The attendance events.</param>
    /// <returns>Per activity of the plan, in its order: members of its class, attendees among them, guests.</returns>
    public static (long Members, long Attendees, long Guests)[] Run(ActivityPlan plan, IEnumerable<IOrganisationEvent> organisation, int members, IDomainEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(events);

        // The organisation: each member's class (squads count for their class) and each class's size.
        var classes = plan.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        var classOf = new Dictionary<string, int>(classes, StringComparer.Ordinal);
        var memberClass = new int[members + 1]; // by member id; -1 for no class
        Array.Fill(memberClass, -1);
        var classMembers = new long[classes.Count];
        foreach (var e in organisation)
        {
            switch (e)
            {
                case GroupFounded { Kind: GroupKind.Squad } f when classOf.TryGetValue(f.ParentId, out var parent):
                    classOf[f.GroupId] = parent;
                    break;
                case MemberJoinedGroup j when classOf.TryGetValue(j.GroupId, out var c):
                    memberClass[(int)j.Member.Value] = c;
                    classMembers[c]++;
                    break;
            }
        }

        var activities = plan.Activities.Length;
        var index = new Dictionary<string, int>(activities, StringComparer.Ordinal);
        var activityClass = new int[activities];
        var seen = new ulong[activities][];
        var guests = new HashSet<MemberId>[activities];
        var result = new (long Members, long Attendees, long Guests)[activities];
        for (var i = 0; i < activities; i++)
        {
            index[plan.Activities[i].ActivityId] = i;
            activityClass[i] = classes[plan.Activities[i].GroupId];
            seen[i] = new ulong[(memberClass.Length + 63) / 64];
            guests[i] = [];
            result[i].Members = classMembers[activityClass[i]];
        }

        // The attendance, once.
        foreach (var e in events)
        {
            if (e is not AttendanceRecorded a || !index.TryGetValue(a.ActivityId, out var i))
            {
                continue;
            }

            var id = a.Member.Value;
            if (id < memberClass.Length && memberClass[id] == activityClass[i])
            {
                ref var word = ref seen[i][id >> 6];
                var bit = 1UL << (int)(id & 63);
                if ((word & bit) == 0)
                {
                    word |= bit;
                    result[i].Attendees++;
                }
            }
            else if (guests[i].Add(a.Member))
            {
                result[i].Guests++;
            }
        }

        return result;
    }
}
