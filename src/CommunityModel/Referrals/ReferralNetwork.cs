using System.Collections.Immutable;
using CommunityModel.Memberships;

namespace CommunityModel.Referrals;

/// <summary>
/// Who referred whom (转介绍): members bound to sponsors under a <see cref="ReferralBindingMode"/>, with
/// self-bindings and cycles of any length rejected. Every change is returned as an event for the
/// integrator to store; <see cref="Replay"/> rebuilds the same network from them.
/// <see cref="Snapshot"/> freezes the current network into the compact form commission engines read, and
/// <see cref="SponsorChangesSince"/> hands out its binding history, so a month-end run can pay each order on the
/// upline it had when paid.
/// </summary>
/// <remarks>
/// Thread-safe: each operation checks and applies under one lock, so two concurrent bindings can
/// never together create a cycle. A refused operation changes nothing.
/// </remarks>
public sealed class ReferralNetwork
{
    private readonly Dictionary<MemberId, Node> _nodes = [];
    private readonly List<SponsorChange> _changes = [];
    private readonly HashSet<MemberId> _promoters = [];
    private readonly ReferralOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private int _applied;
    private NetworkSnapshot? _snapshot;
    private int _snapshotAt = -1;

    /// <summary>Creates an empty network.</summary>
    /// <param name="options">The binding mode and registration window.</param>
    /// <param name="timeProvider">The clock that stamps events and closes registration windows.</param>
    public ReferralNetwork(ReferralOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>The number of registered members.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>Rebuilds a network from its stored events, in the order they occurred.</summary>
    /// <param name="events">The events this network (or one like it) returned.</param>
    /// <param name="options">The binding options.</param>
    /// <param name="timeProvider">The clock for operations after the replay.</param>
    /// <returns>The network as it was after the last event.</returns>
    /// <exception cref="ReplayException">An event does not fit the network rebuilt so far; its <see cref="ReplayException.Index"/> is the event's position in <paramref name="events"/>.</exception>
    public static ReferralNetwork Replay(IEnumerable<IDomainEvent> events, ReferralOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(events);
        var network = new ReferralNetwork(options, timeProvider);
        var index = 0;
        foreach (var e in events)
        {
            network.ApplyAt(e, index++);
        }

        return network;
    }

    /// <summary>
    /// Rebuilds a network from its snapshot; apply the events after it with <see cref="Apply"/>. Unlike
    /// <see cref="Snapshot"/>, which freezes the links for commission engines, a <see cref="ReferralNetworkSnapshot"/>
    /// holds everything the network decides with: binding times, locks, promoters and the binding history.
    /// </summary>
    /// <param name="snapshot">A snapshot from <see cref="ToSnapshot"/>.</param>
    /// <param name="options">The binding options.</param>
    /// <param name="timeProvider">The clock for operations after the restore.</param>
    /// <returns>The network as it was when the snapshot was taken.</returns>
    /// <exception cref="ReferralException">
    /// The snapshot contradicts itself: a member twice or empty, a sponsor not registered, a cycle, a change of an
    /// unregistered member, a negative event count (code <see cref="ErrorCodes.ReferralInvalidSnapshot"/>; every problem is listed).
    /// </exception>
    public static ReferralNetwork Restore(ReferralNetworkSnapshot snapshot, ReferralOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var network = new ReferralNetwork(options, timeProvider);
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        void Problem(string message) => refusals.Add(new(ErrorCodes.ReferralInvalidSnapshot, $"The referral network snapshot {message}.", "snapshot"));
        var nodes = snapshot.Nodes.IsDefault ? [] : snapshot.Nodes;
        foreach (var node in nodes)
        {
            if (node.Member.IsEmpty || !network._nodes.TryAdd(node.Member, new Node(node.Sponsor, node.RegisteredAt, node.BoundAt, node.Locked)))
            {
                Problem(node.Member.IsEmpty ? "holds a node with no member" : $"holds member {node.Member} twice");
            }
        }

        foreach (var node in nodes)
        {
            if (!node.Sponsor.IsEmpty && !network._nodes.ContainsKey(node.Sponsor))
            {
                Problem($"binds member {node.Member} to {node.Sponsor}, who is not registered");
            }
        }

        // Every sponsor is registered now, so every upline can be walked.
        if (refusals.Count == 0 && nodes.FirstOrDefault(n => network.InCycle(n.Member)) is { Member.IsEmpty: false } looped)
        {
            Problem($"binds member {looped.Member} into a cycle");
        }

        foreach (var change in snapshot.Changes.IsDefault ? [] : snapshot.Changes)
        {
            if (!network._nodes.ContainsKey(change.Member))
            {
                Problem($"records a change of member {change.Member}, who is not registered");
            }
        }

        if (snapshot.EventCount < 0)
        {
            Problem($"counts {snapshot.EventCount} events");
        }

        if (refusals.Count > 0)
        {
            throw new ReferralException(default, refusals.ToImmutable());
        }

        network._changes.AddRange(snapshot.Changes.IsDefault ? [] : snapshot.Changes);
        network._promoters.UnionWith(snapshot.Promoters.IsDefault ? [] : snapshot.Promoters);
        network._applied = snapshot.EventCount;
        return network;
    }

    /// <summary>
    /// Everything the network holds, as a record to store; <see cref="Restore"/> gives back a network that answers and
    /// decides exactly as this one.
    /// </summary>
    /// <returns>The snapshot.</returns>
    public ReferralNetworkSnapshot ToSnapshot()
    {
        lock (_gate)
        {
            return new(
                [.. _nodes.Select(n => new ReferralNode(n.Key, n.Value.Sponsor, n.Value.RegisteredAt, n.Value.BoundAt, n.Value.Locked))],
                [.. _changes],
                [.. _promoters.Order()],
                _applied);
        }
    }

    /// <summary>Whether <paramref name="member"/> is registered.</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool Contains(MemberId member)
    {
        lock (_gate)
        {
            return _nodes.ContainsKey(member);
        }
    }

    /// <summary>The sponsor of <paramref name="member"/>; <c>default</c> when it has none.</summary>
    /// <param name="member">A registered member.</param>
    /// <returns>The sponsor, or <c>default</c>.</returns>
    /// <exception cref="ReferralException"><paramref name="member"/> is not registered (<see cref="ErrorCodes.ReferralUnknownMember"/>).</exception>
    public MemberId SponsorOf(MemberId member)
    {
        lock (_gate)
        {
            return Require(member).Sponsor;
        }
    }

    /// <summary>
    /// Whether <paramref name="member"/> holds promoter rights, as the network learnt from <see cref="PromoterRightsGranted"/>,
    /// <see cref="PromoterQualified"/>, <see cref="PromoterRightsRevoked"/> and <see cref="PromoterRevoked"/> given to <see cref="Apply"/>: the sponsors that <see cref="SponsorEligibility.DesignatedPromoters"/> allows.
    /// </summary>
    /// <param name="member">The member; it need not be registered in the network.</param>
    /// <returns><see langword="true"/> when its rights were granted and not revoked since.</returns>
    public bool IsPromoter(MemberId member)
    {
        lock (_gate)
        {
            return _promoters.Contains(member);
        }
    }

    /// <summary>
    /// The binding history from <paramref name="since"/> on: every <see cref="SponsorBound"/> and <see cref="SponsorReassigned"/>
    /// made (or replayed) at or after it. With a <see cref="Snapshot"/> taken now, it tells the sponsor of any member at any time since.
    /// </summary>
    /// <param name="since">The start, e.g. the first instant of a commission period.</param>
    /// <returns>The changes, oldest first.</returns>
    /// <exception cref="ReferralException">The clock went backwards between two changes of one member (<see cref="ErrorCodes.ReferralHistoryInvalid"/>).</exception>
    public SponsorHistory SponsorChangesSince(DateTimeOffset since)
    {
        lock (_gate)
        {
            return SponsorHistory.Create(since, _changes.Where(c => c.OccurredAt >= since));
        }
    }

    /// <summary>Registers a member, bound at once to <paramref name="sponsor"/> when one is given (every mode allows binding at registration, to a sponsor <see cref="ReferralOptions.Sponsors"/> allows).</summary>
    /// <param name="member">The new member.</param>
    /// <param name="sponsor">Its sponsor, or <c>default</c> for none.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="ReferralException">
    /// The member is already registered (<see cref="ErrorCodes.ReferralDuplicateMember"/>), the sponsor is unknown
    /// (<see cref="ErrorCodes.ReferralUnknownSponsor"/>) or not a promoter when only promoters may sponsor
    /// (<see cref="ErrorCodes.ReferralSponsorNotPromoter"/>), or the member would sponsor itself.
    /// </exception>
    public MemberRegistered Register(MemberId member, MemberId sponsor = default)
    {
        RequireId(member);
        lock (_gate)
        {
            var refusals = ImmutableArray.CreateBuilder<Refusal>();
            if (_nodes.ContainsKey(member))
            {
                refusals.Add(new(ErrorCodes.ReferralDuplicateMember, $"Member {member} is already registered.", "member"));
            }

            if (!sponsor.IsEmpty)
            {
                if (sponsor == member)
                {
                    refusals.Add(SelfBinding(member));
                }
                else if (!_nodes.ContainsKey(sponsor))
                {
                    refusals.Add(Unknown(sponsor, "sponsor"));
                }
                else if (NotPromoter(sponsor) is { } refusal)
                {
                    refusals.Add(refusal);
                }
            }

            ThrowIfAny(member, refusals);
            var registered = new MemberRegistered(member, sponsor, _timeProvider.GetUtcNow());
            ApplyChecked(registered);
            return registered;
        }
    }

    /// <summary>Binds <paramref name="member"/> to <paramref name="sponsor"/> if the binding mode allows it.</summary>
    /// <param name="member">A registered member.</param>
    /// <param name="sponsor">A registered member other than <paramref name="member"/> and not in its downline.</param>
    /// <returns>
    /// The binding, or every condition that was not met (nothing changes then): an unknown member is
    /// <see cref="ErrorCodes.ReferralUnknownMember"/>, an unknown sponsor <see cref="ErrorCodes.ReferralUnknownSponsor"/>.
    /// Binding again to the same sponsor is refused (<see cref="ErrorCodes.ReferralAlreadyBound"/>), so no binding is returned twice.
    /// A sponsor without promoter rights is refused when only promoters may sponsor (<see cref="ErrorCodes.ReferralSponsorNotPromoter"/>).
    /// Once the binding is older than <see cref="ReferralOptions.BindingValidity"/>, neither the mode nor a first order keeps it.
    /// </returns>
    public Attempt<SponsorBound> TryBind(MemberId member, MemberId sponsor)
    {
        lock (_gate)
        {
            var refusals = CheckBinding(member, sponsor, administrative: false);
            if (refusals.Count > 0)
            {
                return Attempt<SponsorBound>.Refused(refusals.ToImmutable(), r => new ReferralException(member, r));
            }

            var bound = new SponsorBound(member, sponsor, _nodes[member].Sponsor, _timeProvider.GetUtcNow());
            ApplyChecked(bound);
            return Attempt<SponsorBound>.Success(bound);
        }
    }

    /// <summary>Binds <paramref name="member"/> to <paramref name="sponsor"/>, or throws naming every unmet condition.</summary>
    /// <param name="member">A registered member.</param>
    /// <param name="sponsor">A registered member other than <paramref name="member"/> and not in its downline.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="ReferralException">The binding was refused; <see cref="CommunityModelException.Refusals"/> names why.</exception>
    public SponsorBound Bind(MemberId member, MemberId sponsor) => TryBind(member, sponsor).GetValueOrThrow();

    /// <summary>
    /// An administrative re-assignment: moves <paramref name="member"/> to <paramref name="sponsor"/> whatever the
    /// binding mode or a first order say. Self-bindings and cycles are still refused.
    /// </summary>
    /// <param name="member">A registered member.</param>
    /// <param name="sponsor">The new sponsor, or <c>default</c> to make the member a root.</param>
    /// <param name="reason">Why; recorded in the event.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="ReferralException">Unknown member or sponsor, a self-binding, a cycle, or no reason.</exception>
    public SponsorReassigned Reassign(MemberId member, MemberId sponsor, string reason)
    {
        lock (_gate)
        {
            var refusals = CheckBinding(member, sponsor, administrative: true);
            if (string.IsNullOrWhiteSpace(reason))
            {
                refusals.Add(new(ErrorCodes.ReferralReasonRequired, $"Re-assigning member {member} needs a reason for the record.", "reason"));
            }

            ThrowIfAny(member, refusals);
            var reassigned = new SponsorReassigned(member, sponsor, _nodes[member].Sponsor, reason, _timeProvider.GetUtcNow());
            ApplyChecked(reassigned);
            return reassigned;
        }
    }

    /// <summary>
    /// Records that <paramref name="member"/> placed a commissionable order. The first one fixes its sponsor
    /// (an event is returned); later ones change nothing and return <see langword="null"/>.
    /// </summary>
    /// <param name="member">A registered member.</param>
    /// <returns>The event to store the first time; <see langword="null"/> afterwards.</returns>
    /// <exception cref="ReferralException"><paramref name="member"/> is not registered.</exception>
    public ReferralLocked? RecordCommissionableOrder(MemberId member)
    {
        lock (_gate)
        {
            if (Require(member).Locked)
            {
                return null;
            }

            var locked = new ReferralLocked(member, _timeProvider.GetUtcNow());
            ApplyChecked(locked);
            return locked;
        }
    }

    /// <summary>
    /// Applies a stored event (replay), after checking that it fits. Besides the referral events, the network reads
    /// <see cref="PromoterRightsGranted"/> and <see cref="PromoterRightsRevoked"/> (who may sponsor, see <see cref="IsPromoter"/>);
    /// events of other kinds are ignored.
    /// </summary>
    /// <param name="domainEvent">A referral event, or a membership's promoter rights event.</param>
    /// <exception cref="ReplayException">
    /// The event does not fit (a member registered twice, an unknown member or sponsor, a self-binding or a cycle);
    /// the network is unchanged. Its <see cref="ReplayException.Index"/> is the number of referral events applied before it.
    /// </exception>
    public void Apply(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        lock (_gate)
        {
            ApplyAt(domainEvent, _applied);
        }
    }

    private void ApplyAt(IDomainEvent domainEvent, int index)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        lock (_gate)
        {
            if (ProblemWith(domainEvent) is { } problem)
            {
                throw new ReplayException(ErrorCodes.ReferralReplayMismatch, index, domainEvent, problem);
            }

            switch (domainEvent)
            {
                case MemberRegistered e:
                    _nodes.Add(e.Member, new Node(e.Sponsor, e.OccurredAt, e.OccurredAt, Locked: false));
                    break;
                case SponsorBound e:
                    Change(new SponsorChange(e.Member, e.Sponsor, _nodes[e.Member].Sponsor, e.OccurredAt));
                    break;
                case SponsorReassigned e:
                    Change(new SponsorChange(e.Member, e.Sponsor, _nodes[e.Member].Sponsor, e.OccurredAt));
                    break;
                case PromoterRightsGranted e:
                    _promoters.Add(e.MemberId);
                    break;
                case PromoterRightsRevoked e:
                    _promoters.Remove(e.MemberId);
                    break;
                case PromoterQualified e:
                    _promoters.Add(e.Member);
                    break;
                case PromoterRevoked e:
                    _promoters.Remove(e.Member);
                    break;
                case ReferralLocked e:
                    _nodes[e.Member] = _nodes[e.Member] with { Locked = true };
                    break;
                default:
                    return; // not a referral event
            }

            _applied++;
        }
    }

    // The history records the sponsor the member had, whatever an event's PreviousSponsor says.
    private void Change(SponsorChange change)
    {
        _nodes[change.Member] = _nodes[change.Member] with { Sponsor = change.Sponsor, BoundAt = change.OccurredAt };
        _changes.Add(change);
    }

    // Decisions apply only events they have just checked; the check still runs, as a guard against a bug.
    private void ApplyChecked(IDomainEvent domainEvent) => ApplyAt(domainEvent, _applied);

    // Why an event cannot be applied to the network as it is; null when it fits (or is not a referral event).
    private string? ProblemWith(IDomainEvent domainEvent) => domainEvent switch
    {
        MemberRegistered e when e.Member.IsEmpty => "a registration names no member",
        MemberRegistered e when _nodes.ContainsKey(e.Member) => $"member {e.Member} is already registered",
        MemberRegistered e => SponsorProblem(e.Member, e.Sponsor, registering: true),
        SponsorBound e => !_nodes.ContainsKey(e.Member) ? $"member {e.Member} is not registered" : e.Sponsor.IsEmpty ? $"the binding of member {e.Member} names no sponsor" : SponsorProblem(e.Member, e.Sponsor, registering: false),
        SponsorReassigned e => !_nodes.ContainsKey(e.Member) ? $"member {e.Member} is not registered" : SponsorProblem(e.Member, e.Sponsor, registering: false),
        ReferralLocked e => !_nodes.ContainsKey(e.Member) ? $"member {e.Member} is not registered" : null,
        _ => null,
    };

    private string? SponsorProblem(MemberId member, MemberId sponsor, bool registering) =>
        sponsor.IsEmpty ? null
        : sponsor == member ? $"member {member} is its own sponsor"
        : !_nodes.ContainsKey(sponsor) ? $"sponsor {sponsor} of member {member} is not registered"
        : !registering && IsUpline(member, sponsor) ? $"binding member {member} to {sponsor} makes a cycle"
        : null;

    /// <summary>
    /// Freezes the current network into an immutable <see cref="NetworkSnapshot"/>: O(n) after a change, O(1) when
    /// nothing changed since the last snapshot (the same instance is returned), so taking one per order at checkout
    /// costs nothing between registrations.
    /// </summary>
    /// <returns>The snapshot.</returns>
    public NetworkSnapshot Snapshot()
    {
        lock (_gate)
        {
            if (_snapshot is not null && _snapshotAt == _applied)
            {
                return _snapshot;
            }

            var links = new ReferralLink[_nodes.Count];
            var i = 0;
            foreach (var (member, node) in _nodes)
            {
                links[i++] = new ReferralLink(member, node.Sponsor);
            }

            _snapshot = NetworkSnapshot.Create(links);
            _snapshotAt = _applied;
            return _snapshot;
        }
    }

    private ImmutableArray<Refusal>.Builder CheckBinding(MemberId member, MemberId sponsor, bool administrative)
    {
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        var known = _nodes.TryGetValue(member, out var node);
        if (!known)
        {
            refusals.Add(Unknown(member, "member"));
        }

        if (sponsor.IsEmpty)
        {
            if (!administrative)
            {
                refusals.Add(Unknown(sponsor, "sponsor"));
            }

            return refusals;
        }

        if (!_nodes.ContainsKey(sponsor))
        {
            refusals.Add(Unknown(sponsor, "sponsor"));
        }
        else if (sponsor == member)
        {
            refusals.Add(SelfBinding(member));
        }
        else if (known && IsUpline(member, sponsor))
        {
            refusals.Add(new(ErrorCodes.ReferralCycle, $"Binding member {member} to {sponsor} would make a cycle: {sponsor} is in {member}'s downline.", "sponsor"));
        }

        if (!known || administrative)
        {
            return refusals;
        }

        if (_nodes.ContainsKey(sponsor) && NotPromoter(sponsor) is { } notPromoter)
        {
            refusals.Add(notPromoter);
        }

        var hasSponsor = !node.Sponsor.IsEmpty;
        var now = _timeProvider.GetUtcNow();

        // An expired binding (有效期) holds no more: neither the mode nor a first order keeps it.
        var holds = hasSponsor && !(_options.BindingValidity is { } validity && now - node.BoundAt >= validity);
        if (hasSponsor && node.Sponsor == sponsor)
        {
            refusals.Add(new(ErrorCodes.ReferralAlreadyBound, $"Member {member} is already bound to {sponsor}.", "sponsor"));
        }
        else if (holds && _options.Mode != ReferralBindingMode.LatestReferralOverrides)
        {
            refusals.Add(new(ErrorCodes.ReferralAlreadyBound, $"Member {member} is already bound to {node.Sponsor}; the {_options.Mode} mode keeps the first sponsor.", "member"));
        }

        if (holds && node.Sponsor != sponsor && node.Locked)
        {
            refusals.Add(new(ErrorCodes.ReferralLocked, $"Member {member} has placed a commissionable order; only an administrative re-assignment may change its sponsor.", "member"));
        }

        if (_options.Mode == ReferralBindingMode.AtRegistrationOnly && now - node.RegisteredAt > _options.RegistrationWindow)
        {
            refusals.Add(new(ErrorCodes.ReferralWindowClosed, $"Member {member} registered at {node.RegisteredAt:O}; binding closed {_options.RegistrationWindow} later.", "member"));
        }

        return refusals;
    }

    // Whether `ancestor` is on the upline of `member` (or is the member): walks at most the depth of the network.
    private bool IsUpline(MemberId ancestor, MemberId member)
    {
        for (var current = member; !current.IsEmpty; current = _nodes[current].Sponsor)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    // Whether walking up from `member` comes back to a member already walked: at most the number of members steps.
    private bool InCycle(MemberId member)
    {
        var steps = 0;
        for (var current = _nodes[member].Sponsor; !current.IsEmpty; current = _nodes[current].Sponsor)
        {
            if (current == member || ++steps > _nodes.Count)
            {
                return true;
            }
        }

        return false;
    }

    private Node Require(MemberId member) =>
        _nodes.TryGetValue(member, out var node) ? node : throw new ReferralException(ErrorCodes.ReferralUnknownMember, $"Member {member} is not registered in the referral network.", member, "member");

    private static void RequireId(MemberId member)
    {
        if (member.IsEmpty)
        {
            throw new ReferralException(ErrorCodes.ReferralUnknownMember, "default(MemberId) names no member.", member, "member");
        }
    }

    private static void ThrowIfAny(MemberId member, ImmutableArray<Refusal>.Builder refusals)
    {
        if (refusals.Count > 0)
        {
            throw new ReferralException(member, refusals.ToImmutable());
        }
    }

    private static Refusal Unknown(MemberId id, string role) =>
        new(role == "sponsor" ? ErrorCodes.ReferralUnknownSponsor : ErrorCodes.ReferralUnknownMember, id.IsEmpty ? $"No {role} was named." : $"The {role} {id} is not registered in the referral network.", role);

    private Refusal? NotPromoter(MemberId sponsor) =>
        _options.Sponsors == SponsorEligibility.DesignatedPromoters && !_promoters.Contains(sponsor)
            ? new(ErrorCodes.ReferralSponsorNotPromoter, $"Only promoters may sponsor, and member {sponsor} holds no promoter rights.", "sponsor")
            : null;

    private static Refusal SelfBinding(MemberId member) =>
        new(ErrorCodes.ReferralSelfBinding, $"Member {member} cannot be its own sponsor.", "sponsor");

    /// <summary>A member's sponsor, when it registered, when its current binding was made (registration, binding or re-assignment), and whether a first order fixed it.</summary>
    private readonly record struct Node(MemberId Sponsor, DateTimeOffset RegisteredAt, DateTimeOffset BoundAt, bool Locked);
}
