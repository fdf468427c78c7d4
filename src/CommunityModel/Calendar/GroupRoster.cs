using CommunityModel.Organisation;

namespace CommunityModel.Calendar;

/// <summary>
/// Who was in which organisation group when, folded once from the organisation's events into dense arrays: groups and
/// members numbered in the order first seen, each member's stays linked in one flat list. A class counts the members of
/// the squads under it. Answers "members of a group at each of many moments" in one pass over the stays, and "was this
/// member in the group then" by walking the member's few stays, with no string lookups per question.
/// </summary>
internal sealed class GroupRoster
{
    private const long Open = long.MaxValue;
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly List<int> _parents = [];   // by group number; -1 for none (or a group never founded)
    private readonly Dictionary<MemberId, int> _members = [];
    private readonly List<int> _first = [];     // by member number: the member's first stay
    private readonly List<int> _last = [];      // by member number: the member's last stay
    private readonly List<Stay> _stays = [];
    private readonly int[]? _byId; // member numbers by id when the ids are dense enough for an array; null: the dictionary answers

    public GroupRoster(IEnumerable<IOrganisationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.TryGetNonEnumeratedCount(out var count))
        {
            // Mostly members joining: sized once, not grown by doubling.
            _members.EnsureCapacity(count);
            _first.Capacity = _last.Capacity = _stays.Capacity = count;
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case GroupFounded f:
                    _parents[GroupNumber(f.GroupId)] = f.ParentId is null ? -1 : GroupNumber(f.ParentId);
                    break;
                case MemberJoinedGroup j:
                    Add(MemberNumber(j.Member), j.GroupId, j.OccurredAt);
                    break;
                case MemberMovedGroup m:
                    var moved = MemberNumber(m.Member);
                    End(moved, m.OccurredAt);
                    Add(moved, m.ToGroupId, m.OccurredAt);
                    break;
                case MemberLeftGroup l:
                    End(MemberNumber(l.Member), l.OccurredAt);
                    break;
            }
        }

        // Member ids are usually numbered from 1 up: an array by id then finds a member with one read instead of a hash lookup.
        var (lowest, highest) = (long.MaxValue, long.MinValue);
        foreach (var id in _members.Keys)
        {
            (lowest, highest) = (Math.Min(lowest, id.Value), Math.Max(highest, id.Value));
        }

        if (_members.Count > 0 && lowest >= 0 && highest < (4L * _members.Count) + 1024)
        {
            _byId = new int[highest + 1];
            Array.Fill(_byId, -1);
            foreach (var (id, number) in _members)
            {
                _byId[id.Value] = number;
            }
        }
    }

    /// <summary>How many members there are: member numbers run from 0 to this.</summary>
    public int MemberCount => _first.Count;

    /// <summary>The member's number, or -1 for a member who was never in a group.</summary>
    public int NumberOf(MemberId member)
    {
        var id = member.Value;
        if (_byId is { } byId)
        {
            return (ulong)id < (ulong)byId.Length ? byId[id] : -1;
        }

        return _members.TryGetValue(member, out var number) ? number : -1;
    }

    /// <summary>For each group number, whether the group is the given group or under it; all false for a group never seen.</summary>
    public bool[] Under(string groupId)
    {
        var under = new bool[_parents.Count];
        if (!_groups.TryGetValue(groupId, out var ancestor))
        {
            return under;
        }

        for (var g = 0; g < under.Length; g++)
        {
            for (var walk = g; walk >= 0; walk = _parents[walk])
            {
                if (walk == ancestor)
                {
                    under[g] = true;
                    break;
                }
            }
        }

        return under;
    }

    /// <summary>
    /// How many members were in each group (or a group under it) at each moment: query <c>i</c> is the group whose
    /// <see cref="Under"/> is <paramref name="under"/>[i] at <paramref name="at"/>[i]. One pass over every stay.
    /// </summary>
    public long[] MembersAt(bool[][] under, DateTimeOffset[] at)
    {
        var counts = new long[at.Length];
        var ticks = new long[at.Length];
        for (var i = 0; i < at.Length; i++)
        {
            ticks[i] = at[i].UtcTicks;
        }

        // Per group, the queries it counts for: a stay is checked against those only, not against every query.
        var queriesOf = new List<int>[_parents.Count];
        for (var g = 0; g < queriesOf.Length; g++)
        {
            queriesOf[g] = [];
            for (var i = 0; i < at.Length; i++)
            {
                if (under[i][g])
                {
                    queriesOf[g].Add(i);
                }
            }
        }

        var countedFor = new int[at.Length];
        Array.Fill(countedFor, -1);
        for (var m = 0; m < _first.Count; m++)
        {
            for (var s = _first[m]; s >= 0; s = _stays[s].Next)
            {
                var stay = _stays[s];
                foreach (var i in queriesOf[stay.Group])
                {
                    if (countedFor[i] != m && stay.From <= ticks[i] && ticks[i] < stay.Until)
                    {
                        counts[i]++;
                        countedFor[i] = m; // a member counts once, whichever of its stays holds the moment
                    }
                }
            }
        }

        return counts;
    }

    /// <summary>Whether the member (by number) was in a group whose <see cref="Under"/> is given, at the moment: the stay that held the moment decides.</summary>
    public bool WasIn(int member, bool[] under, long atUtcTicks)
    {
        for (var s = _first[member]; s >= 0; s = _stays[s].Next)
        {
            var stay = _stays[s];
            if (stay.From <= atUtcTicks && atUtcTicks < stay.Until)
            {
                return under[stay.Group];
            }
        }

        return false;
    }

    private int GroupNumber(string groupId)
    {
        if (!_groups.TryGetValue(groupId, out var number))
        {
            _groups[groupId] = number = _parents.Count;
            _parents.Add(-1);
        }

        return number;
    }

    private int MemberNumber(MemberId member)
    {
        if (!_members.TryGetValue(member, out var number))
        {
            _members[member] = number = _first.Count;
            _first.Add(-1);
            _last.Add(-1);
        }

        return number;
    }

    private void Add(int member, string groupId, DateTimeOffset from)
    {
        var stay = _stays.Count;
        _stays.Add(new Stay(GroupNumber(groupId), from.UtcTicks, Open, -1));
        if (_last[member] < 0)
        {
            _first[member] = stay;
        }
        else
        {
            _stays[_last[member]] = _stays[_last[member]] with { Next = stay };
        }

        _last[member] = stay;
    }

    private void End(int member, DateTimeOffset at)
    {
        var last = _last[member];
        if (last >= 0 && _stays[last].Until == Open)
        {
            _stays[last] = _stays[last] with { Until = at.UtcTicks };
        }
    }

    private readonly record struct Stay(int Group, long From, long Until, int Next);
}
