using System.Collections.Immutable;
using System.Numerics;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The sponsor changes of a period over the dense indices of its period-end network: one bit per member flags those
/// whose sponsor changed, and for each of them the sponsor it started the period with and every change (time, new
/// sponsor's index), oldest first. <see cref="ParentAt"/> answers a member's sponsor at an instant: one bit test for a member
/// that did not change, a short scan of its own changes for one that did. Built once per run; immutable and thread-safe.
/// </summary>
/// <remarks>Memory: one bit per member and 4 bytes per 64 members for the flags, 16 bytes per flagged member and 12 per change.</remarks>
internal sealed class SponsorTimeline
{
    private readonly ulong[] _changed;   // bit i: member i's sponsor changed in the period
    private readonly int[] _rankBefore;  // per 64-bit word, the number of flagged members before it
    private readonly int[] _initial;     // per flagged member (by rank), its sponsor's index before its first change
    private readonly int[] _starts;      // per flagged member, where its changes start in _ticks/_parents; one more at the end
    private readonly long[] _ticks;      // UTC ticks of each change
    private readonly int[] _parents;     // the sponsor's index from that change on; -1 for none

    private SponsorTimeline(ulong[] changed, int[] rankBefore, int[] initial, int[] starts, long[] ticks, int[] parents)
    {
        _changed = changed;
        _rankBefore = rankBefore;
        _initial = initial;
        _starts = starts;
        _ticks = ticks;
        _parents = parents;
    }

    /// <summary>The start of the history the timeline was built from, in UTC ticks: no order may be attributed earlier.</summary>
    internal long SinceTicks { get; private init; }

    /// <summary>
    /// Builds the timeline of <paramref name="history"/> over <paramref name="network"/>, checking that the history ends at the network
    /// and never makes a member its own upline; <see langword="null"/> when the history has no change (every order pays on the network).
    /// </summary>
    /// <exception cref="CommissionException">The history does not fit the network (<see cref="CommissionErrorCodes.SponsorHistoryMismatch"/>).</exception>
    internal static SponsorTimeline? Create(NetworkSnapshot network, SponsorHistory history)
    {
        var changes = history.Changes;
        if (changes.IsEmpty)
        {
            return null;
        }

        // Dense indices of every change, and the flags.
        var n = network.Count;
        var changed = new ulong[(n + 63) >> 6];
        var members = new int[changes.Length];
        var sponsors = new int[changes.Length];
        for (var c = 0; c < changes.Length; c++)
        {
            var change = changes[c];
            members[c] = IndexIn(network, change.Member, change);
            sponsors[c] = change.Sponsor.IsEmpty ? -1 : IndexIn(network, change.Sponsor, change);
            changed[members[c] >> 6] |= 1UL << members[c];
        }

        var rankBefore = new int[changed.Length];
        var flagged = 0;
        for (var w = 0; w < changed.Length; w++)
        {
            rankBefore[w] = flagged;
            flagged += BitOperations.PopCount(changed[w]);
        }

        // Changes grouped by flagged member (counting sort by rank), oldest first within a member: the history is oldest first.
        var starts = new int[flagged + 1];
        var ranks = new int[changes.Length];
        for (var c = 0; c < changes.Length; c++)
        {
            ranks[c] = Rank(changed, rankBefore, members[c]);
            starts[ranks[c] + 1]++;
        }

        for (var k = 0; k < flagged; k++)
        {
            starts[k + 1] += starts[k];
        }

        var cursor = starts[..^1];
        var initial = new int[flagged];
        Array.Fill(initial, int.MinValue);
        var ticks = new long[changes.Length];
        var parents = new int[changes.Length];
        for (var c = 0; c < changes.Length; c++)
        {
            var k = ranks[c];
            if (initial[k] == int.MinValue)
            {
                initial[k] = changes[c].PreviousSponsor.IsEmpty ? -1 : IndexIn(network, changes[c].PreviousSponsor, changes[c]);
            }

            ticks[cursor[k]] = changes[c].OccurredAt.UtcTicks;
            parents[cursor[k]++] = sponsors[c];
        }

        var timeline = new SponsorTimeline(changed, rankBefore, initial, starts, ticks, parents) { SinceTicks = history.Since.UtcTicks };
        timeline.CheckAgainst(network, changes, members, sponsors);
        return timeline;
    }

    /// <summary>Whether the sponsor of the member at <paramref name="index"/> changed in the period.</summary>
    internal bool Changed(int index) => (_changed[index >> 6] & (1UL << index)) != 0;

    /// <summary>The sponsor's index of the member at <paramref name="index"/> at <paramref name="ticks"/> (UTC); <paramref name="parentAtEnd"/> when its sponsor did not change.</summary>
    internal int ParentAt(int index, long ticks, int parentAtEnd) => Changed(index) ? ChangedParentAt(index, ticks) : parentAtEnd;

    /// <summary>The sponsor's index at <paramref name="ticks"/> (UTC) of a member whose sponsor changed in the period.</summary>
    internal int ChangedParentAt(int index, long ticks)
    {
        // A change applies from its own instant.
        var k = Rank(_changed, _rankBefore, index);
        var parent = _initial[k];
        for (var c = _starts[k]; c < _starts[k + 1] && _ticks[c] <= ticks; c++)
        {
            parent = _parents[c];
        }

        return parent;
    }

    private static int Rank(ulong[] changed, int[] rankBefore, int index) =>
        rankBefore[index >> 6] + BitOperations.PopCount(changed[index >> 6] & ((1UL << index) - 1));

    private static int IndexIn(NetworkSnapshot network, MemberId member, SponsorChange change) =>
        network.TryGetIndex(member, out var index)
            ? index
            : throw new CommissionException(CommissionErrorCodes.SponsorHistoryMismatch, $"The sponsor change of member {change.Member} at {change.OccurredAt:O} names member {member}, who is not in the run's network; take the network's snapshot after the history's last change.");

    // The history must end at the network, and the network must be free of cycles at every instant it describes.
    private void CheckAgainst(NetworkSnapshot network, ImmutableArray<SponsorChange> changes, int[] members, int[] sponsors)
    {
        var current = new int[network.Count];
        for (var i = 0; i < current.Length; i++)
        {
            current[i] = ParentAt(i, long.MaxValue, network.ParentAt(i));
            if (current[i] != network.ParentAt(i))
            {
                throw Mismatch($"member {network.MemberAt(i)}'s last change leaves it with sponsor {Name(network, current[i])}, but the run's network gives it {Name(network, network.ParentAt(i))}; take the network's snapshot after the history's last change");
            }

            current[i] = ParentAt(i, long.MinValue, network.ParentAt(i));
        }

        for (var m = 0; m < current.Length; m++)
        {
            if (Changed(m))
            {
                CheckAcyclic(network, current, m, "at the history's start");
            }
        }

        for (var c = 0; c < changes.Length; c++)
        {
            current[members[c]] = sponsors[c];
            CheckAcyclic(network, current, members[c], $"after the change of member {changes[c].Member} at {changes[c].OccurredAt:O}");
        }
    }

    // Walks up from a member: back to itself, or more hops than members, is a cycle.
    private static void CheckAcyclic(NetworkSnapshot network, int[] parents, int member, string when)
    {
        var hops = 0;
        for (var u = parents[member]; u >= 0; u = parents[u])
        {
            if (u == member || ++hops > parents.Length)
            {
                throw Mismatch($"member {network.MemberAt(member)} is in its own upline {when}");
            }
        }
    }

    private static string Name(NetworkSnapshot network, int index) => index < 0 ? "none" : network.MemberAt(index).ToString();

    private static CommissionException Mismatch(string problem) =>
        new(CommissionErrorCodes.SponsorHistoryMismatch, $"The sponsor changes given to the run do not fit its network: {problem}.");
}
