using CommunityModel.Calendar;
using CommunityModel.Metrics;
using CommunityModel.Organisation;

namespace CommunityModel.Benchmarks.Calendar;

/// <summary>
/// What a performance engineer would write for the calendar's participation when every member's group is fixed for the
/// month: members' classes in a dense array, one pass over the attendance with a bitmap per activity, counts at the end.
/// </summary>
public sealed class HandWrittenParticipation
{
    private readonly Dictionary<string, int> _activities = new(StringComparer.Ordinal);
    private readonly int[] _activityClass;
    private readonly int[] _memberClass; // by member id; -1 for no class
    private readonly long[] _classMembers;

    /// <summary>Prepares the lookups from the plan and the organisation.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="organisation">The organisation's events; no member moves during the month.</param>
    /// <param name="members">The highest member id.</param>
    public HandWrittenParticipation(ActivityPlan plan, IEnumerable<IOrganisationEvent> organisation, int members)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(organisation);
        var classes = plan.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        var classOf = new Dictionary<string, int>(classes, StringComparer.Ordinal);
        _memberClass = new int[members + 1];
        Array.Fill(_memberClass, -1);
        _classMembers = new long[classes.Count];
        foreach (var e in organisation)
        {
            switch (e)
            {
                case GroupFounded { Kind: GroupKind.Squad } f when classOf.TryGetValue(f.ParentId, out var parent):
                    classOf[f.GroupId] = parent;
                    break;
                case MemberJoinedGroup j when classOf.TryGetValue(j.GroupId, out var c):
                    _memberClass[(int)j.Member.Value] = c;
                    _classMembers[c]++;
                    break;
            }
        }

        _activityClass = new int[plan.Activities.Length];
        for (var i = 0; i < plan.Activities.Length; i++)
        {
            _activities[plan.Activities[i].ActivityId] = i;
            _activityClass[i] = classes[plan.Activities[i].GroupId];
        }
    }

    /// <summary>One pass: per activity, distinct attendees of its class, distinct guests, and the class's members.</summary>
    /// <param name="events">The attendance events.</param>
    /// <returns>Per activity in the plan's order: (members, attendees, guests).</returns>
    public (long Members, long Attendees, long Guests)[] Run(IDomainEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var activities = _activityClass.Length;
        var seen = new ulong[activities][];
        var guests = new HashSet<MemberId>[activities];
        var result = new (long Members, long Attendees, long Guests)[activities];
        for (var i = 0; i < activities; i++)
        {
            seen[i] = new ulong[(_memberClass.Length + 63) / 64];
            guests[i] = [];
            result[i].Members = _classMembers[_activityClass[i]];
        }

        foreach (var e in events)
        {
            if (e is not AttendanceRecorded a || !_activities.TryGetValue(a.ActivityId, out var i))
            {
                continue;
            }

            var id = a.Member.Value;
            if (id < _memberClass.Length && _memberClass[id] == _activityClass[i])
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
