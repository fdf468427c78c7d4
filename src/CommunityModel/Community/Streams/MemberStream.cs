using System.Collections.Immutable;
using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Referrals;

namespace CommunityModel;

/// <summary>
/// The decider of one member's stream (decide(command, state) → events; evolve(state, event) → state): the member's value
/// chain, membership and entitlements, orders, refunds and promoter status, with the library's rules joining them —
/// membership events fire the value-chain triggers, a product's rung decides its trigger, the member discount prices every
/// item, promoter rights come from the configured bases, a term that ended lapses the member. What a decision means for
/// other streams (commissions, the sponsor, the member-number issuer) it returns as <see cref="FollowUp"/>s.
/// </summary>
/// <remarks>
/// The decider holds only configuration and the library's singletons (value chain, membership desk, catalog), never a
/// member's state, so one instance serves every member on every thread: <see cref="Community"/> runs it in one process, a
/// distributed host (one grain per member) runs the same instance unchanged. A refusal throws a typed
/// <see cref="CommunityModelException"/> and returns nothing, so the state it was given stays as it was.
/// </remarks>
public sealed class MemberStream
{
    private readonly ValueChain _chain;
    private readonly TimeProvider _time;
    private readonly CommunityOptions _options;
    private readonly ProductCatalog? _catalog;
    private readonly MembershipDesk? _desk;
    private readonly MemberNumberOptions _numbers;
    private readonly MemberNumberIssuer _numberScheme; // reads numbers only; the issuer that counts lives with the community
    private readonly TimeSpan _dormantAfter;
    private readonly ImmutableHashSet<string> _partnerTiers;

    /// <summary>Creates the decider over the library's parts.</summary>
    /// <param name="chain">The value chain.</param>
    /// <param name="numbers">The member-number scheme (prefixes per category).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">The rules joining the parts; the defaults when <see langword="null"/>.</param>
    /// <param name="catalog">The product catalog, when the community sells products.</param>
    /// <param name="desk">The membership desk, when the community sells memberships.</param>
    /// <param name="lifecycle">The value chain's options (for dormancy); the defaults when <see langword="null"/>.</param>
    /// <exception cref="CommunityException">The options do not fit the membership plan or the member numbers (<see cref="ErrorCodes.CommunityInvalidOptions"/>).</exception>
    public MemberStream(
        ValueChain chain,
        MemberNumberOptions numbers,
        TimeProvider timeProvider,
        CommunityOptions? options = null,
        ProductCatalog? catalog = null,
        MembershipDesk? desk = null,
        ValueChainOptions? lifecycle = null)
    {
        _chain = chain ?? throw new ArgumentNullException(nameof(chain));
        _numbers = numbers ?? throw new ArgumentNullException(nameof(numbers));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new CommunityOptions();
        _catalog = catalog;
        _desk = desk;
        _dormantAfter = TimeSpan.FromDays((lifecycle ?? new ValueChainOptions()).DormantAfterDays);
        Currency = desk?.Plan.Tiers.FirstOrDefault()?.Price.Currency ?? catalog?.Currency ?? (_options.PromoterSpendingThreshold.IsZero ? Currency.CNY : _options.PromoterSpendingThreshold.Currency);
        var problems = CommunityOptionsValidator.Problems(_options, desk?.Plan, numbers, Currency);
        if (problems.Count > 0)
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidOptions, "Community options are invalid: " + string.Join(" ", problems));
        }

        _numberScheme = new MemberNumberIssuer(numbers);
        _partnerTiers = desk is null || desk.Plan.Tiers.IsEmpty
            ? []
            : [desk.Plan.Tiers.MaxBy(t => t.Price.MinorUnits)!.Id];
    }

    /// <summary>The rules joining the parts.</summary>
    public CommunityOptions Options => _options;

    /// <summary>The value chain.</summary>
    public ValueChain Chain => _chain;

    /// <summary>The membership desk, when the community sells memberships.</summary>
    public MembershipDesk? Desk => _desk;

    /// <summary>The product catalog, when the community sells products.</summary>
    public ProductCatalog? Catalog => _catalog;

    /// <summary>The member-number scheme.</summary>
    public MemberNumberOptions Numbers => _numbers;

    /// <summary>The currency the community sells in.</summary>
    public Currency Currency { get; }

    /// <summary>Decides a command addressed to this member's stream.</summary>
    /// <param name="state">The member's stream as it stands.</param>
    /// <param name="command">
    /// A command of the member: <see cref="RegisterMember"/> (the value chain's start; the referral network decides the
    /// sponsor), <see cref="PlaceOrder"/>, <see cref="DowngradeMembership"/>, <see cref="RefundOrder"/>,
    /// <see cref="ConsumeEntitlement"/>, <see cref="SuspendMember"/>, <see cref="ReinstateMember"/>, <see cref="RemoveMember"/>,
    /// <see cref="RevokePromoterRights"/>, <see cref="JoinLeadGroup"/>, <see cref="FollowAccount"/>, <see cref="RecordFact"/> of the
    /// member's activity, attendance or invitation, <see cref="Roles.GrantWorkRole"/>, or <see cref="ClosePeriod"/> (this member's part of it).
    /// </param>
    /// <returns>The events and the follow-ups.</returns>
    /// <exception cref="CommunityModelException">The command was refused; the code says why.</exception>
    public MemberDecision Decide(MemberStreamState state, CommunityCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (command is RegisterMember register)
        {
            return Register(state, register);
        }

        var addressed = command switch
        {
            ClosePeriod => state.Id,
            RecordFact { Fact: not (ActivityRecorded or AttendanceRecorded or InvitationSent) } c => throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{c.Fact?.GetType().Name ?? "A missing fact"} is not a fact of a member's stream; a member's stream records activity, attendance and invitations sent.", "Fact"),
            PlaceOrder or DowngradeMembership or RefundOrder or ConsumeEntitlement or SuspendMember or ReinstateMember or RemoveMember or RevokePromoterRights or JoinLeadGroup or FollowAccount or RecordFact or Roles.GrantWorkRole => MemberOf(command),
            _ => throw new CommunityException(ErrorCodes.CommunityUnknownCommand, $"{command.GetType().Name} is not decided by a member's stream.", "Command"),
        };
        var draft = new Draft(Require(state, addressed));
        var repeat = command switch
        {
            PlaceOrder c => Order(draft, state, c),
            DowngradeMembership c => Downgrade(draft, c),
            RefundOrder c => RefundOf(draft, state, c),
            ConsumeEntitlement c => Consume(draft, c),
            SuspendMember c => Suspend(draft, c),
            ReinstateMember c => Reinstate(draft, c),
            RemoveMember c => Remove(draft, c),
            RevokePromoterRights c => Revoke(draft, c),
            JoinLeadGroup c => Engage(draft, LifecycleTrigger.JoinedLeadGroup, $"joined lead group {Required(c.GroupId, "GroupId")}"),
            FollowAccount c => Engage(draft, LifecycleTrigger.Followed, $"followed {Required(c.Account, "Account")}"),
            RecordFact c => Record(draft, c),
            Roles.GrantWorkRole c => Grant(draft, c),
            _ => Close(draft),
        };
        return repeat ? MemberDecision.Repeat : new MemberDecision([.. draft.Events], [.. draft.FollowUps]);
    }

    /// <summary>
    /// Decides the sponsor's side of a referral's first membership (<see cref="ReferralFollowUp"/>): the stream records
    /// <paramref name="started"/> and the sponsor, a member with enough successful referrals or the partner tier, qualifies
    /// as a partner (合伙人).
    /// </summary>
    /// <param name="state">The sponsor's stream.</param>
    /// <param name="started">What the referral's stream sent.</param>
    /// <returns>The events; a repeat when the stream has counted the same referral already.</returns>
    /// <exception cref="CommunityException">The sponsor is not registered, or the event names another sponsor.</exception>
    public MemberDecision Decide(MemberStreamState state, ReferralMembershipStarted started)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(started);
        var draft = new Draft(Require(state, started.Sponsor));
        if (started.Referral == started.Sponsor || string.IsNullOrWhiteSpace(started.OrderId))
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"A referral's membership names member {started.Referral} under sponsor {started.Sponsor} with order '{started.OrderId}'; a member does not refer themselves and the order is required.", "Started");
        }

        if (state.ReferralsCounted.Contains(started.Referral))
        {
            return MemberDecision.Repeat; // a referral's first membership counts once
        }

        draft.Emit(started);
        TryQualifyPartner(draft);
        return new MemberDecision([.. draft.Events], []);
    }

    /// <summary>
    /// Decides a place in a customer's care team (who recruited, trains or manages them) on the customer's stream: the holder
    /// must hold the role, be active and be someone else; the same holder again is a repeat.
    /// </summary>
    /// <param name="customer">The customer's stream.</param>
    /// <param name="command">The assignment.</param>
    /// <param name="holder">The holder as their own stream stands; <see langword="null"/> when not registered.</param>
    /// <returns>The <see cref="Roles.CareAssigned"/> event; a repeat when the holder has the place already.</returns>
    /// <exception cref="CommunityException">
    /// The customer or the holder is not registered (<see cref="ErrorCodes.CommunityUnknownMember"/>), the role is not a work role
    /// (<see cref="ErrorCodes.RolesInvalidCommand"/>), the holder is the customer (<see cref="ErrorCodes.RolesSelfCare"/>), does not
    /// hold the role (<see cref="ErrorCodes.RolesNotHeld"/>) or is held (<see cref="ErrorCodes.CommunityMemberHeld"/>).
    /// </exception>
    public MemberDecision Decide(MemberStreamState customer, Roles.AssignCare command, CommunityMember? holder)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(command);
        var member = Registered(customer, command.Customer, "Customer");
        if (holder is null || holder.Id != command.Holder)
        {
            throw new CommunityException(ErrorCodes.CommunityUnknownMember, $"Member {command.Holder} is not registered.", "Holder");
        }

        var role = RequireRole(command.Role);
        if (holder.Id == member.Id)
        {
            throw new CommunityException(ErrorCodes.RolesSelfCare, $"Member {member.Id} cannot be their own {role}.", "Holder");
        }

        if (!holder.Holds(role))
        {
            throw new CommunityException(ErrorCodes.RolesNotHeld, $"Member {holder.Id} does not hold the {role} role; grant it first.", "Holder");
        }

        RequireNotHeld(holder, "Holder", "takes no role");
        return member.CareOf(role) == holder.Id
            ? MemberDecision.Repeat
            : new MemberDecision([new Roles.CareAssigned(member.Id, role, holder.Id, _time.GetUtcNow())], []);
    }

    /// <summary>
    /// Decides that a member organises an activity (组织活动) on the organiser's stream: the sales within the play of that id
    /// will carry them as <see cref="Roles.OrderRoles.Organiser"/>. The same organiser again is a repeat; another one hands over.
    /// </summary>
    /// <param name="organiser">The organiser's stream.</param>
    /// <param name="command">The command.</param>
    /// <param name="current">Who organises the activity (its id trimmed) now; <see langword="null"/> for nobody.</param>
    /// <returns>The <see cref="Roles.ActivityOrganised"/> event; a repeat when the member organises it already.</returns>
    /// <exception cref="CommunityException">
    /// The organiser is not registered (<see cref="ErrorCodes.CommunityUnknownMember"/>), the activity has no id
    /// (<see cref="ErrorCodes.CommunityInvalidCommand"/>) or the organiser is held (<see cref="ErrorCodes.CommunityMemberHeld"/>).
    /// </exception>
    public MemberDecision Decide(MemberStreamState organiser, Roles.OrganiseActivity command, MemberId? current)
    {
        ArgumentNullException.ThrowIfNull(organiser);
        ArgumentNullException.ThrowIfNull(command);
        var member = Registered(organiser, command.Organiser, "Organiser");
        var activity = Required(command.Activity, "Activity");
        if (current == member.Id)
        {
            return MemberDecision.Repeat; // organised by this member already
        }

        RequireNotHeld(member, "Organiser", "organises no activity");

        return new MemberDecision([new Roles.ActivityOrganised(member.Id, activity, _time.GetUtcNow())], []);
    }

    /// <summary>What the member would pay for an item today, the member's shopping discount shown.</summary>
    /// <param name="member">The member.</param>
    /// <param name="item">A membership tier id or a catalog product id.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="CommunityException">The item is unknown (<see cref="ErrorCodes.CommunityUnknownItem"/>).</exception>
    public PriceQuote Quote(CommunityMember member, string item)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(item);
        Money list;
        if (_desk is not null && _desk.Plan.TryGetTier(item, out var tier))
        {
            list = tier.Price;
        }
        else if (_catalog is not null && _catalog.TryGetProduct(item, out var product))
        {
            list = product.Price;
        }
        else
        {
            throw new CommunityException(ErrorCodes.CommunityUnknownItem, $"'{item}' is neither a membership tier nor a catalog product.", "Item");
        }

        var rate = member.Membership is { Status: MembershipStatus.Active } m ? m.ShoppingDiscount : Rate.Zero;
        var discount = list.Multiply(rate);
        return new PriceQuote(item, list, rate, discount, list - discount);
    }

    /// <summary>Applies one of the member's stored events: the one way a member's stream changes.</summary>
    /// <param name="state">The stream before the event.</param>
    /// <param name="domainEvent">An event of the member's stream; events of other streams are ignored.</param>
    /// <returns>The stream after the event.</returns>
    /// <exception cref="ReplayException">The event does not fit the stream (the code of the part that refused it, or <see cref="ErrorCodes.CommunityReplayMismatch"/>).</exception>
    public MemberStreamState Evolve(MemberStreamState state, IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(domainEvent);
        switch (domainEvent)
        {
            case MemberRegistered r when r.Member == state.Id:
                return state with { Sponsor = r.Sponsor };
            case SponsorBound b when b.Member == state.Id:
                return state with { Sponsor = b.Sponsor };
            case SponsorReassigned s when s.Member == state.Id:
                return state with { Sponsor = s.Sponsor };
            case MemberTransitioned t when t.Member == state.Id:
                var lifecycle = state.Member is { } known
                    ? _chain.Replay(known.Lifecycle, new ReadOnlySpan<MemberTransitioned>(ref t))
                    : _chain.Replay(new ReadOnlySpan<MemberTransitioned>(ref t));
                return state with { Member = state.Member is { } m ? m with { Lifecycle = lifecycle } : new CommunityMember(state.Id, lifecycle, null, null, Money.Zero(Currency), null) };
            case IMembershipEvent e when e.MemberId == state.Id:
                var holder = Registered(state, domainEvent);
                var working = holder.Membership?.ToState() ?? new MembershipState(state.Id);
                working.Apply(e, 0);
                state = state with { Member = holder with { Membership = Membership.Freeze(working) } };
                return EvolveOrders(state, domainEvent);
            case ProductPurchased or ProductRefunded:
                return EvolveOrders(state, domainEvent);
            case MemberNumberIssued n when n.Member == state.Id:
                return state with { Member = Registered(state, domainEvent) with { Number = _numberScheme.Parse(n.Number) } };
            case ReferralMembershipStarted r when r.Sponsor == state.Id:
                return state with { Member = Fold(Registered(state, domainEvent), domainEvent), ReferralsCounted = state.ReferralsCounted.Add(r.Referral) };
            default:
                return MemberOf(domainEvent) == state.Id && state.Member is { } member
                    ? state with { Member = Fold(member, domainEvent) }
                    : state;
        }
    }

    /// <summary>The member record after an event that changes only the record's own fields (promoter status, activity, referrals); other events leave it as it is.</summary>
    internal static CommunityMember Fold(CommunityMember member, IDomainEvent e) => e switch
    {
        PromoterQualified q => member with { QualifiedBy = q.Basis, QualifyingOrder = q.Source },
        PromoterRevoked => member with { QualifiedBy = null, QualifyingOrder = null },
        ActivityRecorded a => member with { LastActiveAt = a.OccurredAt },
        AttendanceRecorded a => member with { LastActiveAt = a.OccurredAt },
        ReferralMembershipStarted => member with { ReferralsWithMembership = member.ReferralsWithMembership + 1 },
        Roles.WorkRoleGranted or Roles.WorkRoleRevoked or Roles.CareAssigned => Roles.RoleHistory.Fold(member, e),
        _ => member,
    };

    /// <summary>The member whose stream an event belongs to, or the empty id for an event of no member's stream (traffic, the ledger).</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>The member.</returns>
    public static MemberId MemberOf(IDomainEvent domainEvent) => domainEvent switch
    {
        MemberTransitioned e => e.Member,
        IMembershipEvent e => e.MemberId,
        MemberRegistered e => e.Member,
        SponsorBound e => e.Member,
        SponsorReassigned e => e.Member,
        ReferralLocked e => e.Member,
        PromoterQualified e => e.Member,
        PromoterRevoked e => e.Member,
        ReferralMembershipStarted e => e.Sponsor,
        ProductPurchased e => e.Member,
        ProductRefunded e => e.Member,
        MemberNumberIssued e => e.Member,
        ActivityRecorded e => e.Member,
        AttendanceRecorded e => e.Member,
        InvitationSent e => e.Inviter,
        Roles.WorkRoleGranted e => e.Member,
        Roles.WorkRoleRevoked e => e.Member,
        Roles.CareAssigned e => e.Customer,
        Roles.ActivityOrganised e => e.Organiser,
        _ => default,
    };

    /// <summary>The order an event records, for the purchase events that carry an order id; <see langword="null"/> otherwise.</summary>
    internal static CommunityOrder? OrderOf(IDomainEvent e) => e switch
    {
        ProductPurchased p => new CommunityOrder(p.OrderId, p.Member, OrderKind.Product, p.ProductId, p.Tier.ToString(), p.Paid, Money.Zero(p.Paid.Currency), p.OccurredAt) { Play = p.Play, PlayKind = p.PlayKind },
        MembershipPurchased { OrderId: { } id } p => new CommunityOrder(id, p.MemberId, OrderKind.MembershipPurchase, p.TierId, p.TierId, p.Paid, Money.Zero(p.Paid.Currency), p.OccurredAt),
        MembershipRenewed { OrderId: { } id } r => new CommunityOrder(id, r.MemberId, OrderKind.MembershipRenewal, r.TierId, r.TierId, r.Paid, Money.Zero(r.Paid.Currency), r.OccurredAt),
        MembershipUpgraded { OrderId: { } id } u => new CommunityOrder(id, u.MemberId, OrderKind.MembershipUpgrade, u.ToTierId, u.ToTierId, u.Charged, Money.Zero(u.Charged.Currency), u.OccurredAt),
        PromoterRightsGranted { OrderId: { } id, Paid: { } paid } g => new CommunityOrder(id, g.MemberId, OrderKind.PromoterRights, g.TierId, g.TierId, paid, Money.Zero(paid.Currency), g.OccurredAt),
        _ => null,
    };

    /// <summary>
    /// How a membership refund spreads over the member's membership orders: the newest payments first (renewals, upgrades,
    /// promoter rights, the purchase), each at most what is left of it; older terms already refunded have nothing left, so the
    /// shares always add up to the amount the desk computed, credit carried over from an earlier membership included.
    /// </summary>
    internal static List<(CommunityOrder Order, Money Amount)> SpreadOverMembershipOrders(IReadOnlyList<CommunityOrder> orders, Money amount)
    {
        var shares = new List<(CommunityOrder, Money)>();
        var left = amount;
        for (var i = orders.Count - 1; i >= 0 && left.IsPositive; i--)
        {
            if (orders[i].Kind == OrderKind.Product)
            {
                continue;
            }

            var share = Money.Min(left, orders[i].Remaining);
            if (share.IsPositive)
            {
                shares.Add((orders[i], share));
                left -= share;
            }
        }

        return shares;
    }

    /// <summary>
    /// What the member's stream would never have decided about an order or a product refund: a price below zero or above the
    /// list price, an order id taken twice, a refund that is not positive, in another currency, or beyond what is left of
    /// the order. A stored stream that carries one was tampered with or corrupted; replaying it could create money.
    /// </summary>
    internal static string? OrderProblem(IDomainEvent e, Func<string, CommunityOrder?> order) => e switch
    {
        ProductPurchased p when p.Paid.IsNegative || p.Paid.Currency != p.ListPrice.Currency || p.Paid > p.ListPrice || p.ListPrice.IsNegative
            => $"order '{p.OrderId}' pays {p.Paid} for '{p.ProductId}' listed at {p.ListPrice}; a price is not negative and at most the list price, in its currency",
        ProductPurchased p when (p.Play is null) != (p.PlayKind is null) || (p.Play is not null && string.IsNullOrWhiteSpace(p.Play)) || (p.PlayKind is { } kind && !Enum.IsDefined(kind))
            => $"order '{p.OrderId}' names play '{p.Play}' of kind '{p.PlayKind}'; a play sale names both a play and a known kind",
        _ when PlacedOrderId(e) is { } placed && order(placed) is not null
            => $"order '{placed}' is recorded twice",
        ProductRefunded r when order(r.OrderId) is { } refunded && (!r.Amount.IsPositive || r.Amount.Currency != refunded.Paid.Currency || r.Amount > refunded.Remaining)
            => $"refund '{r.RefundId}' gives back {r.Amount} of order '{r.OrderId}', which has {refunded.Remaining} left; a refund is positive, in the order's currency and at most what is left",
        _ => null,
    };

    private static string? PlacedOrderId(IDomainEvent e) => e switch
    {
        ProductPurchased p => p.OrderId,
        MembershipPurchased p => p.OrderId,
        MembershipRenewed r => r.OrderId,
        MembershipUpgraded u => u.OrderId,
        PromoterRightsGranted { Paid: not null } g => g.OrderId,
        _ => null,
    };

    private MemberStreamState EvolveOrders(MemberStreamState state, IDomainEvent e)
    {
        if (OrderProblem(e, state.Order) is { } problem)
        {
            throw new ReplayException(ErrorCodes.CommunityReplayMismatch, 0, e, problem);
        }

        if (OrderOf(e) is { } order)
        {
            var member = Registered(state, e);
            order = order with { Roles = Roles.OrderRoles.Of(member) };
            return state with { Orders = state.Orders.Add(order), Member = member with { NetSpent = member.NetSpent + order.Paid } };
        }

        switch (e)
        {
            case ProductRefunded r:
                var refunded = state.Order(r.OrderId) ?? throw new ReplayException(ErrorCodes.CommunityReplayMismatch, 0, e, $"a refund names order '{r.OrderId}', which member {state.Id} never placed");
                state = Refunded(state, refunded, r.Amount);
                return state with { Refunds = state.Refunds.Add(new CommunityRefund(r.RefundId, r.Member, r.OrderId, r.Amount)) };
            case MembershipRefunded { RefundId: { } refundId } m:
                foreach (var (o, amount) in SpreadOverMembershipOrders(state.Orders, m.Amount))
                {
                    state = Refunded(state, o, amount);
                }

                return state with { Refunds = state.Refunds.Add(new CommunityRefund(refundId, m.MemberId, null, m.Amount)) };
            default:
                return state;
        }
    }

    private static MemberStreamState Refunded(MemberStreamState state, CommunityOrder order, Money amount)
    {
        var index = state.Orders.IndexOf(order);
        var member = state.Member!;
        return state with
        {
            Orders = state.Orders.SetItem(index, order with { Refunded = order.Refunded + amount }),
            Member = member with { NetSpent = member.NetSpent - amount },
        };
    }

    private static CommunityMember Registered(MemberStreamState state, IDomainEvent e) =>
        state.Member ?? throw new ReplayException(ErrorCodes.CommunityReplayMismatch, 0, e, $"{e.GetType().Name} at {e.OccurredAt:O} names member {state.Id}, who is not registered");

    private MemberDecision Register(MemberStreamState state, RegisterMember command)
    {
        if (command.Member != state.Id)
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"A command for member {command.Member} reached the stream of member {state.Id}.", "Member");
        }

        if (state.IsRegistered)
        {
            return state.Sponsor == command.Sponsor
                ? MemberDecision.Repeat // a retried registration
                : throw new CommunityException(ErrorCodes.CommunityMemberExists, $"Member {command.Member} is already registered{(state.Sponsor.IsEmpty ? " without a sponsor" : $" under sponsor {state.Sponsor}")}.", "Member");
        }

        return new MemberDecision([_chain.Start(command.Member).Event], []);
    }

    private bool Order(Draft draft, MemberStreamState state, PlaceOrder command)
    {
        var orderId = Required(command.OrderId, "OrderId");
        var item = Required(command.Item, "Item");
        if (state.Order(orderId) is { } existing)
        {
            return existing.Item == item
                ? true
                : throw new CommunityException(ErrorCodes.CommunityIdConflict, $"Order '{orderId}' is already '{existing.Item}' by member {existing.Member}.", "OrderId");
        }

        RequireNotHeld(draft.Member, "Member", "can neither buy nor use entitlements");
        var now = _time.GetUtcNow();
        var hadMembership = draft.Member.Membership is not null;
        CommunityOrder order;
        if ((command.Play is null) != (command.PlayKind is null))
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"Order '{orderId}' names {(command.Play is null ? "a play kind and no play" : "a play and no play kind")}; a play sale names both.", "Play");
        }

        if (_desk is not null && _desk.Plan.TryGetTier(item, out var tier))
        {
            if (command.Play is not null)
            {
                throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"Play '{command.Play}' sells '{item}', a membership tier; plays sell catalog products.", "Item");
            }

            order = MembershipOrder(draft, tier, command, orderId, now);
        }
        else if (_catalog is not null && _catalog.TryGetProduct(item, out var product))
        {
            order = ProductOrder(draft, product, command, orderId, now);
        }
        else
        {
            throw new CommunityException(ErrorCodes.CommunityUnknownItem, $"'{item}' is neither a membership tier ({Names(_desk?.Plan.Tiers.Select(t => t.Id))}) nor a catalog product ({Names(_catalog?.Products.Select(p => p.Id))}).", "Item");
        }

        QualifyPromoter(draft, order, now);
        TryQualifyPartner(draft);
        if (!hadMembership && draft.Member.Membership is not null && !state.Sponsor.IsEmpty)
        {
            draft.Send(new ReferralFollowUp(new ReferralMembershipStarted(state.Sponsor, draft.Member.Id, orderId, now)));
        }

        if (order.Paid.IsPositive)
        {
            draft.Send(new OrderPaidFollowUp(order with { Roles = Roles.OrderRoles.Of(draft.Member) }));
        }

        if (draft.Member.Number is null && draft.Member.Membership is { } membership)
        {
            var category = _numbers.Prefixes.ContainsKey(membership.TierId) ? membership.TierId : _options.DefaultNumberCategory;
            draft.Send(new MemberNumberFollowUp(draft.Member.Id, category, now));
        }

        return false;
    }

    private CommunityOrder MembershipOrder(Draft draft, MembershipTier tier, PlaceOrder command, string orderId, DateTimeOffset now)
    {
        var desk = _desk!;
        var member = draft.Member;
        var current = member.Membership;
        var today = current is null ? null : desk.Refresh(current).Membership;
        var quote = Quote(member, tier.Id);
        var (price, reason) = command.Price is null && quote.Discount.IsPositive
            ? (quote.Price, $"member discount {quote.DiscountRate}")
            : (command.Price, command.PriceReason);
        if (today is null || today.Status == MembershipStatus.Refunded || (today.Status == MembershipStatus.Expired && today.TierId != tier.Id))
        {
            var purchase = desk.Purchase(member.Id, tier.Id, current, price, reason);
            var paid = Stamp(draft, purchase, orderId);
            Fire(draft, tier.GrantsPromotionRights ? LifecycleTrigger.BoughtGiftPack : LifecycleTrigger.BoughtMembership, $"order {orderId}");
            return new(orderId, member.Id, OrderKind.MembershipPurchase, tier.Id, tier.Id, paid, Money.Zero(paid.Currency), now);
        }

        if (today.TierId == tier.Id)
        {
            var renewal = desk.Renew(current!, price, reason);
            var paid = Stamp(draft, renewal, orderId);
            Fire(draft, LifecycleTrigger.MembershipRenewed, $"order {orderId}");
            return new(orderId, member.Id, OrderKind.MembershipRenewal, tier.Id, tier.Id, paid, Money.Zero(paid.Currency), now);
        }

        if (tier.GrantsPromotionRights && today.Status == MembershipStatus.Active)
        {
            var rights = desk.BuyPromoterRights(current!, tier.Id, price, reason);
            var paid = Stamp(draft, rights, orderId);
            return new(orderId, member.Id, OrderKind.PromoterRights, tier.Id, tier.Id, paid, Money.Zero(paid.Currency), now);
        }

        if (command.Price is not null)
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidPrice, $"An upgrade to '{tier.Id}' is priced by the membership plan (credit for the unused term); leave the price out.", "Price");
        }

        var upgrade = desk.Upgrade(current!, tier.Id);
        var charged = Stamp(draft, upgrade, orderId);
        Fire(draft, LifecycleTrigger.BoughtMembership, $"order {orderId}");
        return new(orderId, member.Id, OrderKind.MembershipUpgrade, tier.Id, tier.Id, charged, Money.Zero(charged.Currency), now);
    }

    private CommunityOrder ProductOrder(Draft draft, Product product, PlaceOrder command, string orderId, DateTimeOffset now)
    {
        var member = draft.Member;
        var quote = Quote(member, product.Id);
        var paid = command.Price ?? quote.Price;
        if (paid.Currency != product.Price.Currency || paid.IsNegative || paid > product.Price)
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidPrice, $"The price of '{product.Id}' must be in {product.Price.Currency.Code}, not negative and at most its list price {product.Price}; {paid} is not.", "Price");
        }

        var reason = command.PriceReason;
        if (paid < quote.Price && string.IsNullOrWhiteSpace(reason))
        {
            throw new CommunityException(ErrorCodes.PriceReasonRequired, $"{paid} for '{product.Id}' is below the member's price {quote.Price}; give the reason (a promotion, a complimentary order).", "PriceReason");
        }

        if (paid == quote.Price)
        {
            reason = quote.Discount.IsPositive ? $"member discount {quote.DiscountRate}" : null;
        }

        draft.Emit(new ProductPurchased(member.Id, orderId, product.Id, product.Kind, product.Tier, product.Price, paid, now, reason) { Play = command.Play, PlayKind = command.PlayKind });
        var trigger = product.Kind == ProductKind.PartnerPackage
            ? LifecycleTrigger.BoughtPartnerPackage
            : product.Tier == LadderTier.LeadMagnet ? LifecycleTrigger.TookLeadProduct : LifecycleTrigger.MadeFirstPurchase;
        Fire(draft, trigger, $"order {orderId}");
        return new(orderId, member.Id, OrderKind.Product, product.Id, product.Tier.ToString(), paid, Money.Zero(paid.Currency), now) { Play = command.Play, PlayKind = command.PlayKind };
    }

    private bool Downgrade(Draft draft, DowngradeMembership command)
    {
        RequireNotHeld(draft.Member, "Member", "can neither buy nor use entitlements");
        var membership = MembershipOf(draft.Member);
        draft.Changed(RequireDesk(nameof(DowngradeMembership)).Downgrade(membership, Required(command.TierId, "TierId")));
        return false;
    }

    private bool RefundOf(Draft draft, MemberStreamState state, RefundOrder command)
    {
        var refundId = Required(command.RefundId, "RefundId");
        var orderId = Required(command.OrderId, "OrderId");
        var member = draft.Member;
        var order = state.Order(orderId)
            ?? throw new CommunityException(ErrorCodes.CommunityUnknownOrder, $"Member {command.Member} has no order '{orderId}'.", "OrderId");
        if (state.Refund(refundId) is { } done)
        {
            return (done.OrderId == orderId || (done.OrderId is null && order.Kind != OrderKind.Product)) && (command.Amount is null || command.Amount == done.Amount)
                ? true
                : throw new CommunityException(ErrorCodes.CommunityIdConflict, $"Refund '{refundId}' is already {done.Amount} of {(done.OrderId is null ? "the membership" : $"order '{done.OrderId}'")} of member {done.Member}.", "RefundId");
        }

        var now = _time.GetUtcNow();
        if (order.Kind == OrderKind.Product)
        {
            var amount = command.Amount ?? order.Remaining;
            if (amount.Currency != order.Paid.Currency || !amount.IsPositive || amount > order.Remaining)
            {
                throw new CommunityException(ErrorCodes.CommunityInvalidRefund, $"Refund '{refundId}' of {amount} must be positive, in {order.Paid.Currency.Code} and at most the {order.Remaining} left of order '{orderId}'.", "Amount");
            }

            draft.Emit(new ProductRefunded(member.Id, orderId, refundId, amount, now));
            draft.Send(new OrderRefundedFollowUp(order, refundId, amount));
            if ((member.QualifiedBy == PromoterBasis.PartnerPackage && member.QualifyingOrder == orderId)
                || (member.QualifiedBy == PromoterBasis.Spending && _options.PromoterSpendingThreshold is { IsZero: false } threshold && member.NetSpent - amount < threshold))
            {
                draft.Emit(new PromoterRevoked(member.Id, $"refund {refundId} of order {orderId}", now));
            }

            return false;
        }

        if (command.Amount is not null)
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidRefund, "A membership refund is computed by the membership plan (cooling-off, unused days, consumed courses); leave the amount out.", "Amount");
        }

        // A membership refund cancels the membership held now and spreads over its payments: the order named must be one
        // of them. An order refunded in full, or one of an earlier membership (before the latest purchase), is not.
        var currentFrom = state.Orders.LastIndexOf(state.Orders.LastOrDefault(o => o.Kind == OrderKind.MembershipPurchase) ?? order);
        if (!order.Remaining.IsPositive || state.Orders.IndexOf(order) < currentFrom)
        {
            throw new CommunityException(
                ErrorCodes.CommunityOrderNotRefundable,
                order.Remaining.IsPositive
                    ? $"Order '{orderId}' belongs to an earlier membership of member {command.Member}; refund an order of the membership held now."
                    : $"Order '{orderId}' of member {command.Member} is refunded in full already; nothing of it is left to refund.",
                "OrderId");
        }

        var membership = MembershipOf(member);
        var change = RequireDesk(nameof(RefundOrder)).Refund(membership);
        var events = change.Events.Select(e => e is MembershipRefunded r ? r with { RefundId = refundId } : e).ToImmutableArray();
        var total = events.OfType<MembershipRefunded>().Single().Amount;
        draft.Changed(change, events);
        Fire(draft, LifecycleTrigger.MembershipRefunded, $"refund {refundId} of order {orderId}");
        foreach (var (share, amount) in SpreadOverMembershipOrders(state.Orders, total))
        {
            draft.Send(new OrderRefundedFollowUp(share, refundId, amount));
        }

        if (member.QualifiedBy == PromoterBasis.MembershipTier)
        {
            draft.Emit(new PromoterRevoked(member.Id, $"refund {refundId} of order {orderId}", now));
        }

        return false;
    }

    private bool Consume(Draft draft, ConsumeEntitlement command)
    {
        var member = draft.Member;
        RequireNotHeld(member, "Member", "can neither buy nor use entitlements");
        var membership = member.Membership
            ?? throw new MembershipRefusedException([new Refusal(ErrorCodes.NotEntitled, $"Member {member.Id} has never held a membership, so no entitlement to '{command.ProductId}'.", "ProductId")]);
        var change = RequireDesk(nameof(ConsumeEntitlement)).Consume(membership, Required(command.ProductId, "ProductId"), Required(command.Key, "Key"));
        draft.Changed(change);
        LapseIfEnded(draft, change.Events);
        return false;
    }

    private bool Suspend(Draft draft, SuspendMember command)
    {
        var reason = Required(command.Reason, "Reason");
        draft.Moved(_chain.Fire(draft.Member.Lifecycle, LifecycleTrigger.Suspended, reason));
        if (draft.Member.Membership is { IsSuspended: false } membership && _desk is not null)
        {
            draft.Changed(_desk.Suspend(membership, reason));
        }

        return false;
    }

    private bool Reinstate(Draft draft, ReinstateMember command)
    {
        var reason = Required(command.Reason, "Reason");
        draft.Moved(_chain.Fire(draft.Member.Lifecycle, LifecycleTrigger.Reinstated, reason));
        if (draft.Member.Membership is { IsSuspended: true } membership && _desk is not null)
        {
            var change = _desk.Reinstate(membership, reason);
            draft.Changed(change);
            var today = _desk.Refresh(change.Membership);
            draft.Changed(today);
            if (today.Membership.Status == MembershipStatus.Expired)
            {
                Fire(draft, LifecycleTrigger.MembershipExpired, "the membership ended while the member was suspended");
            }
        }

        return false;
    }

    private bool Remove(Draft draft, RemoveMember command)
    {
        var reason = Required(command.Reason, "Reason");
        var qualifiedBy = draft.Member.QualifiedBy;
        draft.Moved(_chain.Fire(draft.Member.Lifecycle, LifecycleTrigger.Removed, reason));
        if (draft.Member.Membership is { } membership && _desk is not null)
        {
            if (membership.IsPromoter)
            {
                var revoked = _desk.RevokePromoterRights(membership, reason);
                draft.Changed(revoked);
                membership = revoked.Membership;
            }

            if (!membership.IsSuspended && membership.Status == MembershipStatus.Active)
            {
                draft.Changed(_desk.Suspend(membership, reason));
            }
        }

        if (qualifiedBy is not null)
        {
            draft.Emit(new PromoterRevoked(draft.Member.Id, reason, _time.GetUtcNow()));
        }

        return false;
    }

    private bool Revoke(Draft draft, RevokePromoterRights command)
    {
        var member = draft.Member;
        var reason = Required(command.Reason, "Reason");
        if (!member.IsPromoter)
        {
            throw new CommunityException(ErrorCodes.PromoterRightsConflict, $"Member {member.Id} holds no promoter rights.", "Member");
        }

        if (member.Membership is { IsPromoter: true } membership)
        {
            draft.Changed(RequireDesk(nameof(RevokePromoterRights)).RevokePromoterRights(membership, reason));
        }

        if (member.QualifiedBy is not null)
        {
            draft.Emit(new PromoterRevoked(member.Id, reason, _time.GetUtcNow()));
        }

        return false;
    }

    private bool Engage(Draft draft, LifecycleTrigger trigger, string reason)
    {
        Fire(draft, trigger, reason);
        return false;
    }

    // Decide sends only the member's own facts here.
    private bool Record(Draft draft, RecordFact command)
    {
        switch (command.Fact)
        {
            case ActivityRecorded activity:
                draft.Emit(activity);
                if (draft.Member.Stage == LifecycleStage.Dormant)
                {
                    Fire(draft, LifecycleTrigger.Reactivated, "active again");
                }

                break;
            case AttendanceRecorded attendance:
                draft.Emit(attendance);
                if (draft.Member.Stage == LifecycleStage.Dormant)
                {
                    Fire(draft, LifecycleTrigger.Reactivated, "attended " + attendance.ActivityId);
                }

                break;
            case InvitationSent invitation:
                draft.Emit(invitation);
                break;
        }

        return false;
    }

    private bool Close(Draft draft)
    {
        var now = _time.GetUtcNow();
        var member = draft.Member;
        if (member.Membership is { } membership && _desk is not null)
        {
            var today = _desk.Refresh(membership);
            draft.Changed(today);
            LapseIfEnded(draft, today.Events);
        }

        member = draft.Member;
        if (member.Stage == LifecycleStage.Fan && now - (member.LastActiveAt ?? member.Lifecycle.StageEnteredAt) >= _dormantAfter)
        {
            Fire(draft, LifecycleTrigger.WentDormant, "no activity", new LifecycleFacts(LastActiveAt: member.LastActiveAt));
        }

        return false;
    }

    // The value chain follows what the member did; a trigger the member's stage does not take (a customer buying again,
    // a partner renewing) is no error: the stage simply stays.
    private void Fire(Draft draft, LifecycleTrigger trigger, string reason, LifecycleFacts facts = default)
    {
        var moved = _chain.TryFire(draft.Member.Lifecycle, trigger, reason, facts);
        if (moved.Succeeded)
        {
            draft.Moved(moved.Value);
        }
    }

    private void LapseIfEnded(Draft draft, ImmutableArray<IMembershipEvent> events)
    {
        if (events.Any(e => e is MembershipExpired))
        {
            Fire(draft, LifecycleTrigger.MembershipExpired, "the membership term ended");
        }
    }

    private Money Stamp(Draft draft, MembershipChange change, string orderId)
    {
        var paid = Money.Zero(Currency);
        var stamped = ImmutableArray.CreateBuilder<IMembershipEvent>(change.Events.Length);
        foreach (var e in change.Events)
        {
            switch (e)
            {
                case MembershipPurchased p:
                    stamped.Add(p with { OrderId = orderId });
                    paid += p.Paid;
                    break;
                case MembershipRenewed r:
                    stamped.Add(r with { OrderId = orderId });
                    paid += r.Paid;
                    break;
                case MembershipUpgraded u:
                    stamped.Add(u with { OrderId = orderId });
                    paid += u.Charged;
                    break;
                case PromoterRightsGranted g when g.Paid is { } rights:
                    stamped.Add(g with { OrderId = orderId });
                    paid += rights;
                    break;
                default:
                    stamped.Add(e);
                    break;
            }
        }

        draft.Changed(change, stamped.MoveToImmutable());
        LapseIfEnded(draft, change.Events); // the desk brought an ended term up to date first
        return paid;
    }

    private void QualifyPromoter(Draft draft, CommunityOrder order, DateTimeOffset now)
    {
        var member = draft.Member;
        if (member.IsPromoter)
        {
            return;
        }

        PromoterBasis? basis = order.Kind switch
        {
            OrderKind.MembershipPurchase or OrderKind.MembershipUpgrade or OrderKind.MembershipRenewal when _options.PromoterTiers.Contains(order.Item, StringComparer.OrdinalIgnoreCase) => PromoterBasis.MembershipTier,
            OrderKind.Product when _options.PartnerPackageGrantsPromoterRights && _catalog!.TryGetProduct(order.Item, out var p) && p.Kind == ProductKind.PartnerPackage => PromoterBasis.PartnerPackage,
            _ when _options.PromoterSpendingThreshold is { IsZero: false } threshold && member.NetSpent + order.Paid >= threshold => PromoterBasis.Spending,
            _ => null,
        };
        if (basis is { } b)
        {
            draft.Emit(new PromoterQualified(member.Id, b, order.OrderId, now));
        }
    }

    // A member who now holds the partner tier, or whose referrals now hold memberships, may qualify as a partner (合伙人).
    private void TryQualifyPartner(Draft draft)
    {
        var member = draft.Member;
        if (member.Stage != LifecycleStage.Member)
        {
            return;
        }

        var facts = new LifecycleFacts(
            SuccessfulReferrals: member.ReferralsWithMembership,
            HoldsActiveKa: member.Membership is { Status: MembershipStatus.Active } m && _partnerTiers.Contains(m.TierId));
        Fire(draft, LifecycleTrigger.QualifiedAsPartner, "qualified as a partner", facts);
    }

    private static Membership MembershipOf(CommunityMember member) =>
        member.Membership ?? throw new MembershipRefusedException([new Refusal(ErrorCodes.MembershipNotActive, $"Member {member.Id} holds no membership.", "Member")]);

    private MembershipDesk RequireDesk(string command) =>
        _desk ?? throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{command} needs memberships, and this community sells none (no membership desk).", "Command");

    private static CommunityMember Require(MemberStreamState state, MemberId addressed)
    {
        if (addressed != state.Id)
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"A command for member {addressed} reached the stream of member {state.Id}.", "Member");
        }

        return state.Member ?? throw new CommunityException(ErrorCodes.CommunityUnknownMember, $"Member {state.Id} is not registered.", "Member");
    }

    private static MemberId MemberOf(CommunityCommand command) => command switch
    {
        PlaceOrder c => c.Member,
        DowngradeMembership c => c.Member,
        RefundOrder c => c.Member,
        ConsumeEntitlement c => c.Member,
        SuspendMember c => c.Member,
        ReinstateMember c => c.Member,
        RemoveMember c => c.Member,
        RevokePromoterRights c => c.Member,
        JoinLeadGroup c => c.Member,
        FollowAccount c => c.Member,
        RecordFact c => MemberOf(c.Fact),
        Roles.GrantWorkRole c => c.Member,
        _ => default,
    };

    private bool Grant(Draft draft, Roles.GrantWorkRole command)
    {
        var role = RequireRole(command.Role);
        if (draft.Member.Holds(role))
        {
            return true; // granted already
        }

        RequireNotHeld(draft.Member, "Member", "takes no role");
        draft.Emit(new Roles.WorkRoleGranted(draft.Member.Id, role, _time.GetUtcNow()));
        return false;
    }

    // The member of a stream a command names in a field other than Member (a customer, an organiser).
    private static CommunityMember Registered(MemberStreamState state, MemberId named, string field)
    {
        if (named != state.Id)
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"A command for member {named} reached the stream of member {state.Id}.", field);
        }

        return state.Member ?? throw new CommunityException(ErrorCodes.CommunityUnknownMember, $"Member {named} is not registered.", field);
    }

    internal static Roles.WorkRole RequireRole(Roles.WorkRole role) =>
        Enum.IsDefined(role)
            ? role
            : throw new CommunityException(ErrorCodes.RolesInvalidCommand, $"{(int)role} is not a work role; the roles are {string.Join(", ", Enum.GetNames<Roles.WorkRole>())}.", "Role");

    // A suspended or removed member is refused what only an active member does; the refusal says what, in the field named.
    internal static void RequireNotHeld(CommunityMember member, string field, string refused)
    {
        if (member.IsHeld)
        {
            throw new CommunityException(ErrorCodes.CommunityMemberHeld, $"Member {member.Id} is {member.Stage}; a held member {refused}.", field);
        }
    }

    internal static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{field} is required.", field) : value.Trim();

    private static string Names(IEnumerable<string>? names) => names is null ? "none" : string.Join(", ", names);

    /// <summary>A decision's events so far, and the member as they leave it, before anything is applied.</summary>
    private sealed class Draft(CommunityMember member)
    {
        public CommunityMember Member { get; private set; } = member;

        public List<IDomainEvent> Events { get; } = [];

        public List<FollowUp> FollowUps { get; } = [];

        // A transition the value chain decided: its new state is known, so later decisions read it without replaying the event.
        public void Moved(Transition<LifecycleState, MemberTransitioned> transition)
        {
            Events.Add(transition.Event);
            Member = Member with { Lifecycle = transition.State };
        }

        // A change the membership desk decided: its membership is the member's from now on, with the events as stored
        // (the desk's own, or the same stamped with the order or refund that paid them).
        public void Changed(MembershipChange change, ImmutableArray<IMembershipEvent>? stored = null)
        {
            foreach (var e in stored ?? change.Events)
            {
                Events.Add(e);
            }

            Member = Member with { Membership = change.Membership };
        }

        public void Emit(IDomainEvent e)
        {
            Events.Add(e);
            Member = Fold(Member, e);
        }

        public void Send(FollowUp followUp) => FollowUps.Add(followUp);
    }
}
