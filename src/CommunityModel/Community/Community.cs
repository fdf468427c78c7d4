using System.Collections.Immutable;
using CommunityModel.Persistence;
using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Referrals;
using CommunityModel.Telemetry;

namespace CommunityModel;

/// <summary>
/// The community (社群): one member across the library. An integrator drives it with <see cref="CommunityCommand"/>s and
/// stores the events each returns; the community applies the library's own rules across its parts in one place:
/// <list type="bullet">
/// <item>membership events fire the matching value-chain triggers, and a product's rung on the ladder decides its trigger
/// (lead product → Fan, any other product → Customer, partner package → Partner);</item>
/// <item>member numbers (会员编号) are issued when the first membership starts;</item>
/// <item>suspension and removal reach the value chain, the membership desk and the commission roster;</item>
/// <item>promoter rights (gift pack, configured tiers, the partner package, a spending threshold) make a member a promoter;</item>
/// <item>the member's shopping discount applies to every price the member pays (<see cref="Quote"/>);</item>
/// <item>commissions are computed and entered by the commissions package through <see cref="ICommunityCommissions"/>, when
/// it is present.</item>
/// </list>
/// </summary>
/// <remarks>
/// Each command is decided against the current state before anything changes: a refusal throws a typed
/// <see cref="CommunityModelException"/> and leaves the community as it was. <see cref="Apply"/> is the one way state
/// changes, and <see cref="Replay"/> rebuilds a community from its stored events, so the state after a command always
/// equals the replay of its events. Commands are serialised by a lock; reads return immutable records.
/// </remarks>
public sealed partial class Community
{
    private readonly object _gate = new();
    private readonly Dictionary<MemberId, CommunityMember> _members = [];
    private readonly Dictionary<string, CommunityOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommunityRefund> _refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, ImmutableArray<CommunityOrder>> _ordersByMember = []; // each member's orders as stored in _orders, kept beside it: a command reads them without a lookup per order
    private readonly Dictionary<MemberId, List<string>> _refundsByMember = [];
    private readonly Dictionary<MemberId, List<MemberId>> _referralsCounted = [];
    private readonly Dictionary<string, Roles.ActivityOrganised> _organisers = new(StringComparer.Ordinal); // activity → the event naming its organiser now

    // Memberships changed by applied events and not yet frozen into their members: replay folds a member's events into one
    // working copy, and the member's Membership is built once, when it is next read.
    private readonly Dictionary<MemberId, MembershipState> _unfrozen = [];
    private readonly ReferralOptions _referrals;
    private ReferralNetwork _network;
    private readonly MemberNumberIssuer _numbers;
    private readonly MemberStream _stream;
    private readonly ValueChain _chain;
    private readonly MembershipDesk? _desk;
    private readonly ProductCatalog? _catalog;
    private readonly ICommunityCommissions? _commissions;
    private readonly TimeProvider _time;
    private readonly Currency _currency;
    private int _applied; // events applied since the community was built or restored: the index of the next one

    /// <summary>Creates an empty community over the library's parts.</summary>
    /// <param name="chain">The value chain.</param>
    /// <param name="referrals">The referral network's options; the community keeps its own network.</param>
    /// <param name="numbers">The member-number options; the community keeps its own issuer.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">The rules joining the parts; the defaults when <see langword="null"/>.</param>
    /// <param name="catalog">The product catalog, when the community sells products.</param>
    /// <param name="desk">The membership desk, when the community sells memberships.</param>
    /// <param name="commissions">The commissions, when the commissions package is present.</param>
    /// <param name="lifecycle">The value chain's options (for dormancy); the defaults when <see langword="null"/>.</param>
    /// <param name="credits">The referral credits' rules, when the community keeps referral credits (<see cref="Credits"/>).</param>
    /// <exception cref="CommunityException">The options do not fit the membership plan or the member numbers, or the credit options are unusable (<see cref="ErrorCodes.CommunityInvalidOptions"/>).</exception>
    public Community(
        ValueChain chain,
        ReferralOptions referrals,
        MemberNumberOptions numbers,
        TimeProvider timeProvider,
        CommunityOptions? options = null,
        ProductCatalog? catalog = null,
        MembershipDesk? desk = null,
        ICommunityCommissions? commissions = null,
        ValueChainOptions? lifecycle = null,
        Credits.CreditOptions? credits = null)
    {
        _referrals = referrals ?? throw new ArgumentNullException(nameof(referrals));
        _stream = new MemberStream(chain, numbers, timeProvider, options, catalog, desk, lifecycle);
        _chain = chain;
        _time = timeProvider;
        _catalog = catalog;
        _desk = desk;
        _commissions = commissions;
        _network = new ReferralNetwork(referrals, timeProvider);
        _numbers = new MemberNumberIssuer(numbers);
        _currency = _stream.Currency;
        _credits = CreateCredits(credits);
    }

    /// <summary>The rules joining the parts.</summary>
    public CommunityOptions Options => _stream.Options;

    /// <summary>The decider of each member's stream, the same one a distributed host runs per member.</summary>
    public MemberStream Stream => _stream;

    /// <summary>The membership desk, when the community sells memberships.</summary>
    public MembershipDesk? Desk => _desk;

    /// <summary>The product catalog, when the community sells products.</summary>
    public ProductCatalog? Catalog => _catalog;

    /// <summary>The commissions plugged in, when any.</summary>
    public ICommunityCommissions? Commissions => _commissions;

    /// <summary>How many members are registered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Freeze();
                return _members.Count;
            }
        }
    }

    /// <summary>Every member, in no particular order.</summary>
    public ImmutableArray<CommunityMember> Members
    {
        get
        {
            lock (_gate)
            {
                Freeze();
                return [.. _members.Values];
            }
        }
    }

    /// <summary>Rebuilds a community from its stored events, in the order they were stored.</summary>
    /// <param name="events">Every event the community returned, with the integrator's own facts among them if it likes.</param>
    /// <param name="empty">An empty community with the same parts and options as the one that produced the events.</param>
    /// <returns><paramref name="empty"/>, with every event applied.</returns>
    /// <exception cref="ReplayException">
    /// An event does not fit the state before it; <see cref="ReplayException.Index"/> is its position in <paramref name="events"/>.
    /// The code is <see cref="ErrorCodes.CommunityReplayMismatch"/> (an unknown member or order), or the code of the part that
    /// refused the event (e.g. <see cref="ErrorCodes.LifecycleReplayMismatch"/>), whose own error is the inner exception.
    /// </exception>
    public static Community Replay(IEnumerable<IDomainEvent> events, Community empty)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(empty);
        using var replay = CommunityModelTelemetry.StartReplay("community", "Community.Replay");
        foreach (var e in events)
        {
            empty.Apply(e);
            replay.Replayed();
        }

        return empty;
    }

    /// <summary>Everything the community knows now, to store and restore later without replaying from the first event.</summary>
    /// <returns>The snapshot.</returns>
    public CommunitySnapshot ToSnapshot()
    {
        lock (_gate)
        {
            Freeze();
            var members = _members.Values
                .OrderBy(m => m.Id)
                .Select(m => new CommunityMemberSnapshot(m.Id, m.Lifecycle.ToSnapshot(), m.Membership?.ToSnapshot(), m.Number?.Text, m.NetSpent, m.LastActiveAt, m.QualifiedBy, m.QualifyingOrder, m.ReferralsWithMembership) { ReferralsCounted = [.. _referralsCounted.GetValueOrDefault(m.Id) ?? []], RoleTerms = m.RoleTerms, CareTeam = m.CareTeam })
                .ToImmutableArray();
            var orders = _ordersByMember.OrderBy(p => p.Key).SelectMany(p => p.Value).ToImmutableArray();
            var refunds = _refundsByMember.OrderBy(p => p.Key).SelectMany(p => p.Value).Select(id => _refunds[id]).ToImmutableArray();
            var organisers = _organisers.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value).ToImmutableArray();
            return new CommunitySnapshot(members, orders, refunds, _network.ToSnapshot(), _commissions?.ToSnapshot()) { Credits = _credits?.ToSnapshot(), Organisers = organisers };
        }
    }

    /// <summary>Restores a snapshot into this community, which must be empty; apply the events stored after it with <see cref="Apply"/>.</summary>
    /// <param name="snapshot">A snapshot from <see cref="ToSnapshot"/> of a community with the same parts and options.</param>
    /// <exception cref="CommunityException">
    /// This community is not empty, or the snapshot contradicts itself (a member twice, an order of an unknown member, commissions
    /// state without commissions plugged in) (<see cref="ErrorCodes.CommunityInvalidSnapshot"/>); nothing is restored.
    /// </exception>
    /// <exception cref="CommunityModelException">A part's own snapshot is invalid (the part's code).</exception>
    public void Restore(CommunitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            Freeze();
            var problems = new List<string>();
            if (_members.Count > 0 || _network.Count > 0)
            {
                problems.Add("the community it is restored into is not empty");
            }

            var snapshotMembers = snapshot.Members.IsDefault ? [] : snapshot.Members;
            var members = new Dictionary<MemberId, CommunityMember>(snapshotMembers.Length);
            var counted = new Dictionary<MemberId, List<MemberId>>();
            foreach (var m in snapshotMembers)
            {
                var restored = new CommunityMember(
                    m.Id,
                    LifecycleState.Restore(m.Lifecycle),
                    m.Membership is null ? null : Membership.Restore(m.Membership),
                    m.Number is null ? null : _numbers.Parse(m.Number),
                    m.NetSpent,
                    m.LastActiveAt,
                    m.QualifiedBy,
                    m.QualifyingOrder,
                    m.ReferralsWithMembership)
                {
                    RoleTerms = m.RoleTerms.IsDefault ? [] : m.RoleTerms,
                    CareTeam = m.CareTeam.IsDefault ? [] : m.CareTeam,
                };
                if (!members.TryAdd(m.Id, restored))
                {
                    problems.Add($"holds member {m.Id} twice");
                }
                else if (!m.ReferralsCounted.IsDefaultOrEmpty)
                {
                    counted[m.Id] = [.. m.ReferralsCounted];
                }
            }

            foreach (var order in snapshot.Orders.IsDefault ? [] : snapshot.Orders)
            {
                if (!members.ContainsKey(order.Member))
                {
                    problems.Add($"holds order '{order.OrderId}' of member {order.Member}, who is not in it");
                }
            }

            if (snapshot.Commissions is not null && _commissions is null)
            {
                problems.Add("holds commissions, and this community has none plugged in");
            }

            problems.AddRange(CreditsSnapshotProblems(snapshot.Credits));
            var organisers = snapshot.Organisers.IsDefault ? [] : snapshot.Organisers;
            foreach (var organised in organisers)
            {
                if (organised is null || !members.ContainsKey(organised.Organiser) || string.IsNullOrWhiteSpace(organised.Activity))
                {
                    problems.Add($"names member {organised?.Organiser} as the organiser of activity '{organised?.Activity}', who is not in it, or no activity");
                }
            }

            if (problems.Count > 0)
            {
                throw new CommunityException(ErrorCodes.CommunityInvalidSnapshot, "The community snapshot cannot be restored: " + string.Join("; ", problems) + ".");
            }

            var network = ReferralNetwork.Restore(snapshot.Network, _referrals, _time);
            foreach (var (sponsor, referrals) in counted)
            {
                _referralsCounted[sponsor] = referrals;
            }

            _network = network;
            var orders = snapshot.Orders.IsDefault ? [] : snapshot.Orders;
            _members.EnsureCapacity(members.Count);
            _orders.EnsureCapacity(orders.Length);
            _ordersByMember.EnsureCapacity(members.Count);
            var lastByPrefix = new Dictionary<string, MemberNumber>(StringComparer.Ordinal);
            foreach (var (id, member) in members)
            {
                _members[id] = member;
                if (member.Number is { } number && (!lastByPrefix.TryGetValue(number.Prefix, out var last) || last.Sequence < number.Sequence))
                {
                    lastByPrefix[number.Prefix] = number;
                }
            }

            foreach (var last in lastByPrefix.Values)
            {
                _numbers.Resume(last.Text);
            }

            // A snapshot lists each member's orders together: each run becomes the member's list in one copy.
            for (var start = 0; start < orders.Length;)
            {
                var member = orders[start].Member;
                var end = start;
                while (end < orders.Length && orders[end].Member == member)
                {
                    _orders[orders[end].OrderId] = orders[end];
                    end++;
                }

                var run = ImmutableArray.Create(orders.AsSpan(start, end - start));
                _ordersByMember[member] = _ordersByMember.TryGetValue(member, out var earlier) ? earlier.AddRange(run) : run;
                start = end;
            }

            foreach (var refund in snapshot.Refunds.IsDefault ? [] : snapshot.Refunds)
            {
                AddRefund(refund);
            }

            foreach (var organised in organisers)
            {
                _organisers[organised.Activity] = organised;
            }

            if (snapshot.Commissions is { } commissions)
            {
                _commissions!.Restore(commissions, this);
            }

            if (snapshot.Credits is { } credits)
            {
                _credits!.Restore(credits);
            }
        }
    }

    /// <summary>Whether the member is registered.</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool Contains(MemberId member)
    {
        lock (_gate)
        {
            Freeze();
            return _members.ContainsKey(member);
        }
    }

    /// <summary>The member as the community knows them.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The member.</returns>
    /// <exception cref="CommunityException">The member is not registered (<see cref="ErrorCodes.CommunityUnknownMember"/>).</exception>
    public CommunityMember Member(MemberId member)
    {
        lock (_gate)
        {
            Freeze();
            return Require(member, "Member");
        }
    }

    /// <summary>The member's sponsor, or the empty id.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The sponsor.</returns>
    public MemberId SponsorOf(MemberId member) => _network.Contains(member) ? _network.SponsorOf(member) : default;

    /// <summary>The referral network as it stands, for commission calculations and reports.</summary>
    /// <returns>An immutable snapshot.</returns>
    public NetworkSnapshot Network() => _network.Snapshot();

    /// <summary>An order the community took.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="order">The order, when known.</param>
    /// <returns>Whether the order is known.</returns>
    public bool TryGetOrder(string orderId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CommunityOrder? order)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        lock (_gate)
        {
            Freeze();
            return _orders.TryGetValue(orderId, out order);
        }
    }

    /// <summary>A member's orders, in the order they were taken.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The orders; empty for a member who bought nothing.</returns>
    public ImmutableArray<CommunityOrder> OrdersOf(MemberId member)
    {
        lock (_gate)
        {
            Freeze();
            return OrderList(member);
        }
    }

    /// <summary>What the member would pay for an item today, the member's shopping discount shown.</summary>
    /// <param name="member">The member.</param>
    /// <param name="item">A membership tier id or a catalog product id.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="CommunityException">The member or the item is unknown.</exception>
    public PriceQuote Quote(MemberId member, string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            Freeze();
            return _stream.Quote(Require(member, "Member"), item);
        }
    }

    /// <summary>Decides a command, applies its events and returns them to be stored.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The events, in order.</returns>
    /// <exception cref="CommunityModelException">The command was refused; nothing changed. The error's code says why.</exception>
    public CommunityChange Execute(CommunityCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            Freeze();
            var draft = new Draft(this);
            var repeat = command switch
            {
                PlaceOrder { Play: not null } or PlaceOrder { PlayKind: not null } => throw new CommunityException(
                    ErrorCodes.CommunityInvalidCommand,
                    "An order within a campaign play is sold through the play (e.g. FlashSale.Buy, GroupBuy.Join), which checks the play's rules and places the order.",
                    "Play"),
                RegisterMember c => Register(draft, c),
                BindSponsor c => Bind(draft, c),
                RedeemCredits c => Redeem(draft, c),
                Roles.GrantWorkRole c => Grant(draft, c),
                Roles.RevokeWorkRole c => Revoke(draft, c),
                Roles.AssignCare c => Assign(draft, c),
                Roles.OrganiseActivity c => Organise(draft, c),
                RecordFact { Fact: TrafficRecorded or InvitationAccepted } c => Emit(draft, c.Fact),
                ClosePeriod c => Close(draft, c),
                _ => Decide(draft, command),
            };

            if (repeat)
            {
                return new CommunityChange([], IsRepeat: true);
            }

            DecideCredits(draft, command);

            foreach (var (e, appliedByPart) in draft.Events)
            {
                Evolve(e, applyToParts: !appliedByPart);
            }

            return new CommunityChange([.. draft.Events.Select(x => x.Event)]);
        }
    }

    /// <summary>A member's stream as the community holds it: the state <see cref="MemberStream.Decide(MemberStreamState, CommunityCommand)"/> decides on.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The stream's state; <see cref="MemberStreamState.Empty"/> for a member not registered.</returns>
    public MemberStreamState StreamOf(MemberId member)
    {
        lock (_gate)
        {
            Freeze();
            return StateOf(member);
        }
    }

    /// <summary>Applies a stored event: the one way the community's state changes, used by <see cref="Execute"/> and on replay.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <exception cref="ReplayException">
    /// The event does not fit the state; <see cref="ReplayException.Index"/> is the number of events the community applied
    /// before it since it was built or restored. The code is <see cref="ErrorCodes.CommunityReplayMismatch"/> (an unknown member
    /// or order), or the code of the part that refused the event, whose own error is the inner exception.
    /// </exception>
    public void Apply(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        lock (_gate)
        {
            try
            {
                Evolve(domainEvent, applyToParts: true);
            }
            catch (ReplayException part) when (part.ErrorCode != ErrorCodes.CommunityReplayMismatch)
            {
                throw new ReplayException(part.ErrorCode, _applied, domainEvent, part.Problem, part);
            }
        }
    }

    private bool Register(Draft draft, RegisterMember command)
    {
        var start = _stream.Decide(StateOf(command.Member), command); // refused here (registered under another sponsor) leaves everything untouched
        if (start.IsRepeat)
        {
            return true; // a retried registration
        }

        draft.Applied(_network.Register(command.Member, command.Sponsor)); // and so does a refused sponsor
        draft.Emit(start.Events);
        return false;
    }

    private bool Bind(Draft draft, BindSponsor command)
    {
        Require(command.Member, "Member");
        draft.Applied(_network.Bind(command.Member, command.Sponsor));
        return false;
    }

    private static bool Emit(Draft draft, IDomainEvent fact)
    {
        draft.Emit(fact);
        return false;
    }

    private bool Close(Draft draft, ClosePeriod command)
    {
        foreach (var id in _members.Keys.Order())
        {
            draft.Emit(_stream.Decide(StateOf(id), command).Events);
        }

        return false;
    }

    // A command of one member: the member's stream decides it, then the community delivers what it asks of the other
    // streams, in order, within the same command.
    private bool Decide(Draft draft, CommunityCommand command)
    {
        var member = command switch
        {
            PlaceOrder c => RequireOwnOrder(c),
            RefundOrder c => RequireOwnRefund(c),
            RecordFact { Fact: ActivityRecorded or AttendanceRecorded or InvitationSent } c => Require(MemberStream.MemberOf(c.Fact), "Fact").Id,
            RecordFact { Fact: null } => throw new CommunityException(ErrorCodes.CommunityInvalidCommand, "The fact is required.", "Fact"),
            RecordFact c => throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{c.Fact.GetType().Name} is not a fact the community records; it records traffic, activity, attendance and invitations.", "Fact"),
            DowngradeMembership or ConsumeEntitlement or SuspendMember or ReinstateMember or RemoveMember or RevokePromoterRights or JoinLeadGroup or FollowAccount
                => Require(MemberOfCommand(command), "Member").Id,
            _ => throw new CommunityException(ErrorCodes.CommunityUnknownCommand, $"{command.GetType().Name} is not a command the community knows.", "Command"),
        };
        var decision = _stream.Decide(StateOf(member), command);
        if (decision.IsRepeat)
        {
            return true;
        }

        draft.Emit(decision.Events);
        foreach (var followUp in decision.FollowUps)
        {
            Deliver(draft, followUp);
        }

        return false;
    }

    private void Deliver(Draft draft, FollowUp followUp)
    {
        switch (followUp)
        {
            case ReferralFollowUp f when _members.ContainsKey(f.Started.Sponsor):
                draft.Emit(_stream.Decide(StateOf(f.Started.Sponsor), f.Started).Events);
                break;
            case OrderPaidFollowUp f:
                if (_commissions is not null)
                {
                    draft.Applied(_commissions.OrderPaid(WithOrganiser(f.Order), this)); // a refusal here leaves the ledger, and so everything, untouched
                }

                if (_network.RecordCommissionableOrder(f.Order.Member) is { } locked)
                {
                    draft.Applied(locked);
                }

                break;
            case OrderRefundedFollowUp f when _commissions is not null:
                draft.Applied(_commissions.OrderRefunded(f.Order, f.RefundId, f.Amount));
                break;
            case MemberNumberFollowUp f:
                draft.Emit(new MemberNumberIssued(f.Member, _numbers.Issue(f.Category).Text, f.OccurredAt));
                break;
        }
    }

    // An order id names one order of one member across the community; the member's stream checks its own orders.
    private MemberId RequireOwnOrder(PlaceOrder command)
    {
        var orderId = MemberStream.Required(command.OrderId, "OrderId");
        if (_orders.TryGetValue(orderId, out var existing) && existing.Member != command.Member)
        {
            throw new CommunityException(ErrorCodes.CommunityIdConflict, $"Order '{orderId}' is already '{existing.Item}' by member {existing.Member}.", "OrderId");
        }

        return Require(command.Member, "Member").Id;
    }

    // A refund id names one refund of one member across the community; the member's stream checks its own refunds.
    private MemberId RequireOwnRefund(RefundOrder command)
    {
        var refundId = MemberStream.Required(command.RefundId, "RefundId");
        var orderId = MemberStream.Required(command.OrderId, "OrderId");
        Require(command.Member, "Member");
        if (!_orders.TryGetValue(orderId, out var order) || order.Member != command.Member)
        {
            throw new CommunityException(ErrorCodes.CommunityUnknownOrder, $"Member {command.Member} has no order '{orderId}'.", "OrderId");
        }

        if (_refunds.TryGetValue(refundId, out var done) && done.Member != command.Member)
        {
            throw new CommunityException(ErrorCodes.CommunityIdConflict, $"Refund '{refundId}' is already {done.Amount} of {(done.OrderId is null ? "the membership" : $"order '{done.OrderId}'")} of member {done.Member}.", "RefundId");
        }

        return command.Member;
    }

    private static MemberId MemberOfCommand(CommunityCommand command) => command switch
    {
        DowngradeMembership c => c.Member,
        ConsumeEntitlement c => c.Member,
        SuspendMember c => c.Member,
        ReinstateMember c => c.Member,
        RemoveMember c => c.Member,
        RevokePromoterRights c => c.Member,
        JoinLeadGroup c => c.Member,
        FollowAccount c => c.Member,
        _ => default,
    };

    private MemberStreamState StateOf(MemberId member) =>
        !_members.TryGetValue(member, out var known)
            ? MemberStreamState.Empty(member)
            : new MemberStreamState(member, known, SponsorOf(member), OrderList(member), [.. (_refundsByMember.GetValueOrDefault(member) ?? []).Select(id => _refunds[id])])
            {
                ReferralsCounted = [.. _referralsCounted.GetValueOrDefault(member) ?? []],
            };

    // A member's orders in the order taken (it runs for every command: kept whole, never rebuilt from the ids).
    private ImmutableArray<CommunityOrder> OrderList(MemberId member) =>
        _ordersByMember.TryGetValue(member, out var orders) ? orders : [];

    private CommunityMember Require(MemberId member, string field) =>
        _members.TryGetValue(member, out var found)
            ? found
            : throw new CommunityException(ErrorCodes.CommunityUnknownMember, $"Member {member} is not registered.", field);

    // The one place state changes. Events the part that produced them has already applied (the referral network's own
    // decisions, the ledger's entries) only update the members here; on replay every event reaches every part. The member
    // record's own fields fold as the member's stream folds them (MemberStream); the community keeps them in maps, and
    // builds a member's membership once, when it is next read.
    private void Evolve(IDomainEvent e, bool applyToParts)
    {
        if (MemberStream.OrderProblem(e, id => _orders.GetValueOrDefault(id)) is { } problem)
        {
            throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, problem);
        }

        if (applyToParts)
        {
            _commissions?.Apply(e); // the ledger's entries, and the statuses its roster follows
        }

        switch (e)
        {
            case MemberTransitioned t:
                if (_members.TryGetValue(t.Member, out var known))
                {
                    _members[t.Member] = known with { Lifecycle = _chain.Replay(known.Lifecycle, new ReadOnlySpan<MemberTransitioned>(ref t)) };
                }
                else
                {
                    _members[t.Member] = new CommunityMember(t.Member, _chain.Replay(new ReadOnlySpan<MemberTransitioned>(ref t)), null, null, Money.Zero(_currency), null);
                }

                break;
            case MemberRegistered or SponsorBound or SponsorReassigned or ReferralLocked:
                if (applyToParts)
                {
                    _network.Apply(e);
                }

                break;
            case IMembershipEvent m:
                EvolveMembership(m, applyToParts);
                break;
            case ProductPurchased:
                AddOrder(MemberStream.OrderOf(e)!);
                break;
            case ProductRefunded r:
                AddRefund(new CommunityRefund(r.RefundId, r.Member, r.OrderId, r.Amount));
                RefundOrder(r.OrderId, r.Amount, e);
                break;
            case MemberNumberIssued n:
                var number = _numbers.Resume(n.Number);
                Update(n.Member, e, m => m with { Number = number });
                break;
            case PromoterQualified or PromoterRevoked:
                if (applyToParts)
                {
                    _network.Apply(e);
                }

                Fold(MemberStream.MemberOf(e), e);
                break;
            case ReferralMembershipStarted r:
                Fold(r.Sponsor, e);
                if (!_referralsCounted.TryGetValue(r.Sponsor, out var counted))
                {
                    _referralsCounted[r.Sponsor] = counted = [];
                }

                counted.Add(r.Referral);
                break;
            case ActivityRecorded or AttendanceRecorded:
                Fold(MemberStream.MemberOf(e), e);
                break;
            case Roles.WorkRoleGranted or Roles.WorkRoleRevoked or Roles.CareAssigned:
                if (Roles.RoleHistory.Problem(e, id => _members.GetValueOrDefault(id)) is { } roleProblem)
                {
                    throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, roleProblem);
                }

                Fold(MemberStream.MemberOf(e), e);
                break;
            case Roles.ActivityOrganised o:
                if (!_members.ContainsKey(o.Organiser) || string.IsNullOrWhiteSpace(o.Activity))
                {
                    throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, $"activity '{o.Activity}' is organised by member {o.Organiser}, who is not registered, or names no activity");
                }

                _organisers[o.Activity] = o;
                break;
            case Credits.ICreditEvent credit:
                ApplyCredits(credit);
                break;
        }

        _applied++;
    }

    private void EvolveMembership(IMembershipEvent e, bool applyToParts)
    {
        if (applyToParts && e is PromoterRightsGranted or PromoterRightsRevoked)
        {
            _network.Apply(e);
        }

        if (!_members.TryGetValue(e.MemberId, out var holder))
        {
            throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, $"{e.GetType().Name} at {e.OccurredAt:O} names member {e.MemberId}, who is not registered");
        }

        if (!_unfrozen.TryGetValue(e.MemberId, out var state))
        {
            state = holder.Membership?.ToState() ?? new MembershipState(e.MemberId);
            _unfrozen[e.MemberId] = state;
        }

        state.Apply(e, 0); // a refusal is re-stated at the community's position by Apply
        if (MemberStream.OrderOf(e) is { } order)
        {
            AddOrder(order);
        }
        else if (e is MembershipRefunded { RefundId: { } refundId } r)
        {
            foreach (var (paid, amount) in MemberStream.SpreadOverMembershipOrders(OrderList(r.MemberId), r.Amount))
            {
                RefundOrder(paid.OrderId, amount, e);
            }

            AddRefund(new CommunityRefund(refundId, r.MemberId, null, r.Amount));
        }
    }

    private void AddOrder(CommunityOrder order)
    {
        order = WithRoles(order); // the buyer's care team and the activity's organiser before the order, as the streams derive them
        _orders[order.OrderId] = order;
        _ordersByMember[order.Member] = OrderList(order.Member).Add(order);
        if (_members.TryGetValue(order.Member, out var m))
        {
            _members[order.Member] = m with { NetSpent = m.NetSpent + order.Paid };
        }
    }

    private void AddRefund(CommunityRefund refund)
    {
        _refunds[refund.RefundId] = refund;
        if (!_refundsByMember.TryGetValue(refund.Member, out var ids))
        {
            _refundsByMember[refund.Member] = ids = [];
        }

        ids.Add(refund.RefundId);
    }

    private void RefundOrder(string orderId, Money amount, IDomainEvent e)
    {
        if (!_orders.TryGetValue(orderId, out var order))
        {
            throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, $"a refund names order '{orderId}', which the community never took");
        }

        var refunded = order with { Refunded = order.Refunded + amount };
        _orders[orderId] = refunded;
        var list = _ordersByMember[order.Member];
        for (var i = list.Length - 1; i >= 0; i--)
        {
            if (ReferenceEquals(list[i], order))
            {
                _ordersByMember[order.Member] = list.SetItem(i, refunded);
                break;
            }
        }
        if (_members.TryGetValue(order.Member, out var m))
        {
            _members[order.Member] = m with { NetSpent = m.NetSpent - amount };
        }
    }

    // Builds the Membership of every member whose membership events were applied since the last read.
    private void Freeze()
    {
        if (_unfrozen.Count == 0)
        {
            return;
        }

        foreach (var (id, state) in _unfrozen)
        {
            var member = _members[id];
            var membership = Membership.Freeze(state);
            _members[id] = member with { Membership = membership };
        }

        _unfrozen.Clear();
    }

    private void Fold(MemberId member, IDomainEvent e)
    {
        if (!_members.TryGetValue(member, out var m))
        {
            throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, $"{e.GetType().Name} at {e.OccurredAt:O} names member {member}, who is not registered");
        }

        _members[member] = MemberStream.Fold(m, e);
    }

    private CommunityMember Update(MemberId member, IDomainEvent e, Func<CommunityMember, CommunityMember> change)
    {
        if (!_members.TryGetValue(member, out var m))
        {
            throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, $"{e.GetType().Name} at {e.OccurredAt:O} names member {member}, who is not registered");
        }

        return _members[member] = change(m);
    }

    /// <summary>A command's events so far, in order, each marked when the part that decided it has applied it already.</summary>
    private sealed class Draft(Community community)
    {
        public List<(IDomainEvent Event, bool AppliedByPart)> Events { get; } = [];

        // The member as the community knew them before the command; decisions within a command run on each stream's own state.
        public CommunityMember Member(MemberId member) => community._members[member];

        public void Emit(IDomainEvent e) => Events.Add((e, false));

        public void Emit<T>(ImmutableArray<T> events) where T : IDomainEvent
        {
            foreach (var e in events)
            {
                Emit(e);
            }
        }

        public void Applied(IDomainEvent e) => Events.Add((e, true));

        public void Applied(ImmutableArray<IDomainEvent> events)
        {
            foreach (var e in events)
            {
                Applied(e);
            }
        }
    }
}
