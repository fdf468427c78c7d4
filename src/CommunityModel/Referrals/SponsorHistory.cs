using System.Collections.Immutable;

namespace CommunityModel.Referrals;

/// <summary>
/// The sponsor changes of a referral network from <see cref="Since"/> on, in the order they occurred: with a
/// <see cref="NetworkSnapshot"/> taken after the last of them, it answers "the sponsor of m at time t" for any t from
/// <see cref="Since"/> on. Immutable. A month-end run reads the period's history to pay each order on the upline
/// its buyer had when the order was paid.
/// </summary>
/// <remarks>
/// A change applies from its own instant: at <see cref="SponsorChange.OccurredAt"/> the member already has the new sponsor.
/// Registrations are not changes: a member has no sponsor before it registers, and the network records no order by it then.
/// </remarks>
public sealed class SponsorHistory
{
    private readonly Dictionary<MemberId, (int Start, int Count)> _byMember;
    private readonly SponsorChange[] _grouped;

    private SponsorHistory(DateTimeOffset since, ImmutableArray<SponsorChange> changes)
    {
        Since = since;
        Changes = changes;
        _grouped = [.. changes.Select((c, i) => (Change: c, Index: i)).OrderBy(c => c.Change.Member.Value).ThenBy(c => c.Index).Select(c => c.Change)];
        _byMember = [];
        for (var i = 0; i < _grouped.Length; i++)
        {
            var member = _grouped[i].Member;
            _byMember[member] = _byMember.TryGetValue(member, out var range) ? (range.Start, range.Count + 1) : (i, 1);
        }
    }

    /// <summary>A history with no change, complete from any time on.</summary>
    public static SponsorHistory Empty { get; } = new(DateTimeOffset.MinValue, []);

    /// <summary>The start of the history: every sponsor change from this instant on is in <see cref="Changes"/>.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>The changes, oldest first (changes at the same instant in the order they were made).</summary>
    public ImmutableArray<SponsorChange> Changes { get; }

    /// <summary>Builds a history from the changes a network recorded from <paramref name="since"/> on.</summary>
    /// <param name="since">The start of the history: no change from then on is missing.</param>
    /// <param name="changes">The changes in the order they were made; each member's changes follow on from one another.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ReferralException">
    /// A change names no member, binds a member to itself, is earlier than <paramref name="since"/> or than the member's previous
    /// change, or does not start from the sponsor the member's previous change left (<see cref="ErrorCodes.ReferralHistoryInvalid"/>).
    /// </exception>
    public static SponsorHistory Create(DateTimeOffset since, IEnumerable<SponsorChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var list = changes.ToImmutableArray();
        var last = new Dictionary<MemberId, SponsorChange>();
        foreach (var change in list)
        {
            var problem = change.Member.IsEmpty ? "a change names no member"
                : change.Sponsor == change.Member ? $"member {change.Member} is bound to itself at {change.OccurredAt:O}"
                : change.OccurredAt < since ? $"the change of member {change.Member} at {change.OccurredAt:O} is before the history's start {since:O}"
                : !last.TryGetValue(change.Member, out var previous) ? null
                : change.OccurredAt < previous.OccurredAt ? $"the change of member {change.Member} at {change.OccurredAt:O} is earlier than its previous change at {previous.OccurredAt:O}"
                : change.PreviousSponsor != previous.Sponsor ? $"the change of member {change.Member} at {change.OccurredAt:O} starts from sponsor {change.PreviousSponsor}, but its previous change left it with {previous.Sponsor}"
                : null;
            if (problem is not null)
            {
                throw new ReferralException(ErrorCodes.ReferralHistoryInvalid, $"The sponsor history is malformed: {problem}.", change.Member);
            }

            last[change.Member] = change;
        }

        // Oldest first; a stable sort keeps changes at the same instant in the order they were made.
        var ordered = list.Select((c, i) => (Change: c, Index: i)).OrderBy(c => c.Change.OccurredAt).ThenBy(c => c.Index).Select(c => c.Change);
        return new SponsorHistory(since, [.. ordered]);
    }

    /// <summary>Whether the sponsor of <paramref name="member"/> changed in this history.</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when at least one change names it.</returns>
    public bool Changed(MemberId member) => _byMember.ContainsKey(member);

    /// <summary>The sponsor <paramref name="member"/> had at <paramref name="at"/>, when this history says.</summary>
    /// <param name="member">The member.</param>
    /// <param name="at">The instant, not before <see cref="Since"/>.</param>
    /// <param name="sponsor">The sponsor then (<c>default</c> for none) when the member's sponsor changed in this history; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when the member's sponsor changed in this history (its sponsor at any time since is then known); <see langword="false"/> when it did not change, so it is the sponsor it has now.</returns>
    /// <exception cref="ReferralException"><paramref name="at"/> is before <see cref="Since"/> (<see cref="ErrorCodes.ReferralBeforeHistory"/>).</exception>
    public bool TryGetSponsorAt(MemberId member, DateTimeOffset at, out MemberId sponsor)
    {
        RequireCovered(member, at);
        sponsor = default;
        if (!_byMember.TryGetValue(member, out var range))
        {
            return false;
        }

        // The last change at or before `at`; before the first change, the sponsor the first change replaced.
        var changes = _grouped.AsSpan(range.Start, range.Count);
        sponsor = changes[0].PreviousSponsor;
        foreach (var change in changes)
        {
            if (change.OccurredAt > at)
            {
                break;
            }

            sponsor = change.Sponsor;
        }

        return true;
    }

    /// <summary>The sponsor <paramref name="member"/> had at <paramref name="at"/>, given the network after the history's last change.</summary>
    /// <param name="current">A snapshot taken after the last change of this history (e.g. at the end of a period).</param>
    /// <param name="member">A member of <paramref name="current"/>.</param>
    /// <param name="at">The instant, not before <see cref="Since"/>.</param>
    /// <returns>The sponsor then; <c>default</c> when it had none.</returns>
    /// <exception cref="ReferralException">
    /// <paramref name="at"/> is before <see cref="Since"/> (<see cref="ErrorCodes.ReferralBeforeHistory"/>), or the member is not in
    /// <paramref name="current"/> (<see cref="ErrorCodes.ReferralUnknownMember"/>).
    /// </exception>
    public MemberId SponsorAt(NetworkSnapshot current, MemberId member, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        var now = current.SponsorOf(member);
        return TryGetSponsorAt(member, at, out var then) ? then : now;
    }

    private void RequireCovered(MemberId member, DateTimeOffset at)
    {
        if (at < Since)
        {
            throw new ReferralException(ErrorCodes.ReferralBeforeHistory, $"The sponsor history starts at {Since:O}; it cannot tell member {member}'s sponsor at {at:O}.", member);
        }
    }
}
