using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CommunityModel.Referrals;

/// <summary>
/// An immutable, compact picture of the referral network that commission engines read: dense arrays
/// indexed by a member's position, built in O(n) and free of cycles by construction.
/// </summary>
/// <remarks>
/// <para>
/// Members are numbered in depth-first pre-order: a sponsor's index is always lower than its
/// referrals', and a member's whole downline occupies the indices right after it. So a subtree is
/// the range <c>[index, index + <see cref="DownlineCountAt"/> + 1)</c>, and bottom-up totals (team
/// volume) are one reverse loop over the indices with <see cref="ParentAt"/>.
/// </para>
/// <para>
/// Memory: 16 bytes per member for id, sponsor index and downline size kept together (one cache line
/// per step up an upline), 4 for the depth, and at most 8 more for the id lookup, an open-addressing
/// table of indices: at most 28 bytes per member.
/// </para>
/// </remarks>
public sealed class NetworkSnapshot
{
    private const int NoParent = -1;
    private readonly Node[] _nodes;
    private readonly int[] _depths;
    private readonly int[] _lookup;
    private readonly int _shift;

    private NetworkSnapshot(Node[] nodes, int[] depths)
    {
        _nodes = nodes;
        _depths = depths;
        (_lookup, _shift) = BuildLookup(nodes);
    }

    /// <summary>An empty network.</summary>
    public static NetworkSnapshot Empty { get; } = new([], []);

    /// <summary>The number of members.</summary>
    public int Count => _nodes.Length;

    /// <summary>Builds a snapshot from links in O(n).</summary>
    /// <param name="links">Every member once, with its sponsor or <c>default</c>; sponsors must be members too.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ReferralException">A member appears twice, sponsors itself, has an unknown sponsor, or the links form a cycle.</exception>
    public static NetworkSnapshot Create(ReadOnlySpan<ReferralLink> links)
    {
        var n = links.Length;
        if (n == 0)
        {
            return Empty;
        }

        var input = new Node[n];
        for (var i = 0; i < n; i++)
        {
            if (links[i].Member.IsEmpty)
            {
                throw new ReferralException(ErrorCodes.ReferralUnknownMember, $"Link {i} names no member (default MemberId).", links[i].Member);
            }

            input[i] = new Node(links[i].Member.Value, NoParent, 0);
        }

        var (lookup, shift) = BuildLookup(input);
        var inputParents = new int[n];
        for (var i = 0; i < n; i++)
        {
            var sponsor = links[i].Sponsor;
            if (sponsor.IsEmpty)
            {
                inputParents[i] = NoParent;
                continue;
            }

            if (sponsor == links[i].Member)
            {
                throw new ReferralException(ErrorCodes.ReferralSelfBinding, $"Member {sponsor} is linked as its own sponsor.", sponsor);
            }

            var parent = Find(lookup, shift, input, sponsor.Value);
            inputParents[i] = parent >= 0
                ? parent
                : throw new ReferralException(ErrorCodes.ReferralUnknownMember, $"The sponsor {sponsor} of member {links[i].Member} is not among the links.", links[i].Member);
        }

        // Children in compressed rows (counting sort by parent), kept in input order.
        var firstChild = new int[n + 1];
        foreach (var parent in inputParents)
        {
            if (parent != NoParent)
            {
                firstChild[parent + 1]++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            firstChild[i + 1] += firstChild[i];
        }

        var children = new int[n];
        var cursor = firstChild.AsSpan(0, n).ToArray();
        for (var i = 0; i < n; i++)
        {
            if (inputParents[i] != NoParent)
            {
                children[cursor[inputParents[i]]++] = i;
            }
        }

        // Depth-first pre-order from every root; a member never reached sits on (or under) a cycle.
        var position = cursor;
        Array.Fill(position, NoParent);
        var stack = new int[n];
        var nodes = new Node[n];
        var depths = new int[n];
        var next = 0;
        for (var root = 0; root < n; root++)
        {
            if (inputParents[root] != NoParent)
            {
                continue;
            }

            var top = 0;
            stack[top++] = root;
            while (top > 0)
            {
                var v = stack[--top];
                var at = next++;
                position[v] = at;
                var parent = inputParents[v] == NoParent ? NoParent : position[inputParents[v]];
                nodes[at] = new Node(input[v].Id, parent, 0);
                depths[at] = parent == NoParent ? 0 : depths[parent] + 1;
                for (var c = firstChild[v + 1] - 1; c >= firstChild[v]; c--)
                {
                    stack[top++] = children[c];
                }
            }
        }

        if (next < n)
        {
            var onCycle = Array.IndexOf(position, NoParent);
            for (var hop = 0; hop < n; hop++)
            {
                onCycle = inputParents[onCycle];
            }

            var member = new MemberId(input[onCycle].Id);
            throw new ReferralException(ErrorCodes.ReferralCycle, $"The links form a cycle through member {member}: it is its own upline.", member);
        }

        // Bottom-up: in pre-order every referral comes after its sponsor, so one reverse pass sums the downlines.
        for (var i = n - 1; i > 0; i--)
        {
            if (nodes[i].Parent != NoParent)
            {
                nodes[nodes[i].Parent].DownlineSize += nodes[i].DownlineSize + 1;
            }
        }

        return new NetworkSnapshot(nodes, depths);
    }

    /// <summary>Whether <paramref name="member"/> is in the network.</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(MemberId member) => TryGetIndex(member, out _);

    /// <summary>Finds the dense index of <paramref name="member"/>.</summary>
    /// <param name="member">The member.</param>
    /// <param name="index">Its index when present; <c>-1</c> otherwise.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool TryGetIndex(MemberId member, out int index)
    {
        index = member.IsEmpty || _nodes.Length == 0 ? NoParent : Find(_lookup, _shift, _nodes, member.Value);
        return index >= 0;
    }

    /// <summary>The dense index of <paramref name="member"/>.</summary>
    /// <param name="member">A member of the network.</param>
    /// <returns>Its index, from 0 to <see cref="Count"/> - 1.</returns>
    /// <exception cref="ReferralException">The member is not in the network (<see cref="ErrorCodes.ReferralUnknownMember"/>).</exception>
    public int IndexOf(MemberId member) =>
        TryGetIndex(member, out var index) ? index : throw new ReferralException(ErrorCodes.ReferralUnknownMember, $"Member {member} is not in the network snapshot.", member);

    /// <summary>The member at a dense index.</summary>
    /// <param name="index">An index from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The member.</returns>
    public MemberId MemberAt(int index) => new(_nodes[index].Id);

    /// <summary>The sponsor's index of the member at <paramref name="index"/>; <c>-1</c> when it has none.</summary>
    /// <param name="index">An index from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The sponsor's index or <c>-1</c>.</returns>
    public int ParentAt(int index) => _nodes[index].Parent;

    /// <summary>How many sponsors lie above the member at <paramref name="index"/> (0 for a root).</summary>
    /// <param name="index">An index from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The depth.</returns>
    public int DepthAt(int index) => _depths[index];

    /// <summary>How many members are in the downline (all levels) of the member at <paramref name="index"/>.</summary>
    /// <param name="index">An index from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The size of its downline, itself excluded.</returns>
    public int DownlineCountAt(int index) => _nodes[index].DownlineSize;

    /// <summary>The sponsor of <paramref name="member"/>; <c>default</c> when it has none.</summary>
    /// <param name="member">A member of the network.</param>
    /// <returns>The sponsor or <c>default</c>.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public MemberId SponsorOf(MemberId member)
    {
        var parent = _nodes[IndexOf(member)].Parent;
        return parent == NoParent ? default : new MemberId(_nodes[parent].Id);
    }

    /// <summary>How many sponsors lie above <paramref name="member"/> (0 for a root).</summary>
    /// <param name="member">A member of the network.</param>
    /// <returns>The depth.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public int DepthOf(MemberId member) => _depths[IndexOf(member)];

    /// <summary>The upline of <paramref name="member"/>, nearest sponsor first.</summary>
    /// <param name="member">A member of the network.</param>
    /// <param name="maxLevels">At most this many sponsors; all of them by default.</param>
    /// <returns>The sponsors, nearest first.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public ImmutableArray<MemberId> Upline(MemberId member, int maxLevels = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLevels);
        var index = IndexOf(member);
        var result = new MemberId[Math.Min(maxLevels, _depths[index])];
        for (var level = 0; level < result.Length; level++)
        {
            index = _nodes[index].Parent;
            result[level] = new MemberId(_nodes[index].Id);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>The members <paramref name="member"/> referred directly (its first level), in snapshot order.</summary>
    /// <param name="member">A member of the network.</param>
    /// <returns>Its direct referrals.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public ImmutableArray<MemberId> DirectReferrals(MemberId member)
    {
        var index = IndexOf(member);
        var result = ImmutableArray.CreateBuilder<MemberId>();
        var end = index + _nodes[index].DownlineSize;

        // In pre-order the first referral follows its sponsor and each next one follows the previous one's downline.
        for (var child = index + 1; child <= end; child += _nodes[child].DownlineSize + 1)
        {
            result.Add(new MemberId(_nodes[child].Id));
        }

        return result.DrainToImmutable();
    }

    /// <summary>The whole downline (subtree) of <paramref name="member"/>, all levels, in pre-order; the member itself excluded.</summary>
    /// <param name="member">A member of the network.</param>
    /// <returns>Its downline.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public ImmutableArray<MemberId> Downline(MemberId member)
    {
        var index = IndexOf(member);
        var result = new MemberId[_nodes[index].DownlineSize];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = new MemberId(_nodes[index + 1 + k].Id);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>Whether <paramref name="member"/> is in the downline of <paramref name="ancestor"/> (O(1)).</summary>
    /// <param name="member">A member of the network.</param>
    /// <param name="ancestor">Another member of the network.</param>
    /// <returns><see langword="true"/> when <paramref name="ancestor"/> is on <paramref name="member"/>'s upline.</returns>
    /// <exception cref="ReferralException">Either member is not in the network.</exception>
    public bool IsInDownlineOf(MemberId member, MemberId ancestor)
    {
        var m = IndexOf(member);
        var a = IndexOf(ancestor);
        return m > a && m <= a + _nodes[a].DownlineSize;
    }

    /// <summary>The links this snapshot was built from, in snapshot order (sponsors first).</summary>
    /// <returns>One link per member.</returns>
    public ImmutableArray<ReferralLink> ToLinks()
    {
        var links = new ReferralLink[_nodes.Length];
        for (var i = 0; i < links.Length; i++)
        {
            var parent = _nodes[i].Parent;
            links[i] = new ReferralLink(new MemberId(_nodes[i].Id), parent == NoParent ? default : new MemberId(_nodes[parent].Id));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(links);
    }

    private static (int[] Slots, int Shift) BuildLookup(Node[] nodes)
    {
        // A power of two at least twice the count keeps probes short; slots hold index + 1 (0 = empty).
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, nodes.Length * 2));
        var shift = 64 - BitOperations.Log2((uint)capacity);
        var slots = new int[capacity];
        for (var i = 0; i < nodes.Length; i++)
        {
            var slot = Slot(nodes[i].Id, shift);
            while (slots[slot] != 0)
            {
                if (nodes[slots[slot] - 1].Id == nodes[i].Id)
                {
                    var member = new MemberId(nodes[i].Id);
                    throw new ReferralException(ErrorCodes.ReferralDuplicateMember, $"Member {member} appears more than once in the links.", member);
                }

                slot = (slot + 1) & (capacity - 1);
            }

            slots[slot] = i + 1;
        }

        return (slots, shift);
    }

    private static int Find(int[] slots, int shift, Node[] nodes, long id)
    {
        var mask = slots.Length - 1;
        for (var slot = Slot(id, shift); ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return NoParent;
            }

            if (nodes[entry - 1].Id == id)
            {
                return entry - 1;
            }
        }
    }

    // Fibonacci hashing: the top bits of id × 2^64/φ spread sequential keys evenly.
    private static int Slot(long id, int shift) => (int)(unchecked((ulong)id * 0x9E3779B97F4A7C15UL) >> shift);

    /// <summary>One member: its id, its sponsor's index and the size of its downline, together in 16 bytes so one cache line serves a step up the upline.</summary>
    private struct Node(long id, int parent, int downlineSize)
    {
        public readonly long Id = id;
        public readonly int Parent = parent;
        public int DownlineSize = downlineSize;
    }
}
