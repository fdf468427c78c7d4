using CommunityModel.Organisation;

namespace CommunityModel.Calendar;

/// <summary>
/// Who was in which organisation group when, folded from the organisation's events: a class counts the members of the
/// squads under it. Answers "members of a group at a moment" and "was this member in the group then".
/// </summary>
internal sealed class GroupRoster
{
    private readonly Dictionary<string, string?> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, List<(string Group, DateTimeOffset From, DateTimeOffset? Until)>> _stays = [];

    public GroupRoster(IEnumerable<IOrganisationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            switch (e)
            {
                case GroupFounded f:
                    _parents[f.GroupId] = f.ParentId;
                    break;
                case MemberJoinedGroup j:
                    Stays(j.Member).Add((j.GroupId, j.OccurredAt, null));
                    break;
                case MemberMovedGroup m:
                    End(m.Member, m.OccurredAt);
                    Stays(m.Member).Add((m.ToGroupId, m.OccurredAt, null));
                    break;
                case MemberLeftGroup l:
                    End(l.Member, l.OccurredAt);
                    break;
            }
        }
    }

    /// <summary>How many members were in the group, or a group under it, at the moment.</summary>
    public long MembersAt(string groupId, DateTimeOffset at)
    {
        long count = 0;
        foreach (var stays in _stays.Values)
        {
            foreach (var (group, from, until) in stays)
            {
                if (from <= at && (until is null || at < until) && IsUnder(group, groupId))
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>Whether the member was in the group, or a group under it, at the moment.</summary>
    public bool WasIn(MemberId member, string groupId, DateTimeOffset at)
    {
        if (!_stays.TryGetValue(member, out var stays))
        {
            return false;
        }

        foreach (var (group, from, until) in stays)
        {
            if (from <= at && (until is null || at < until))
            {
                return IsUnder(group, groupId);
            }
        }

        return false;
    }

    private bool IsUnder(string group, string ancestor)
    {
        for (string? g = group; g is not null; g = _parents.GetValueOrDefault(g))
        {
            if (string.Equals(g, ancestor, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private List<(string Group, DateTimeOffset From, DateTimeOffset? Until)> Stays(MemberId member)
    {
        if (!_stays.TryGetValue(member, out var stays))
        {
            _stays[member] = stays = [];
        }

        return stays;
    }

    private void End(MemberId member, DateTimeOffset at)
    {
        var stays = Stays(member);
        if (stays.Count > 0 && stays[^1].Until is null)
        {
            stays[^1] = stays[^1] with { Until = at };
        }
    }
}
