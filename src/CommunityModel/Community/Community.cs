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
    private readonly Dictionary<string, RefundRecord> _refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, List<string>> _ordersByMember = [];

    // Memberships changed by applied events and not yet frozen into their members: replay folds a member's events into one
    // working copy, and the member's Membership is built once, when it is next read.
    private readonly Dictionary<MemberId, MembershipState> _unfrozen = [];
    private readonly ReferralOptions _referrals;
    private ReferralNetwork _network;
    private readonly MemberNumberIssuer _numbers;
    private readonly MemberNumberOptions _numberOptions;
    private readonly ValueChain _chain;
    private readonly MembershipDesk? _desk;
    private readonly ProductCatalog? _catalog;
    private readonly CommunityOptions _options;
    private readonly ICommunityCommissions? _commissions;
    private readonly TimeProvider _time;
    private readonly TimeSpan _dormantAfter;
    private readonly ImmutableHashSet<string> _partnerTiers;
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
        _chain = chain ?? throw new ArgumentNullException(nameof(chain));
        _referrals = referrals ?? throw new ArgumentNullException(nameof(referrals));
        _numberOptions = numbers ?? throw new ArgumentNullException(nameof(numbers));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new CommunityOptions();
        _catalog = catalog;
        _desk = desk;
        _commissions = commissions;
        _network = new ReferralNetwork(referrals, timeProvider);
        _numbers = new MemberNumberIssuer(numbers);
        _dormantAfter = TimeSpan.FromDays((lifecycle ?? new ValueChainOptions()).DormantAfterDays);
        _currency = desk?.Plan.Tiers.FirstOrDefault()?.Price.Currency ?? catalog?.Currency ?? (_options.PromoterSpendingThreshold.IsZero ? Currency.CNY : _options.PromoterSpendingThreshold.Currency);
        var problems = CommunityOptionsValidator.Problems(_options, desk?.Plan, numbers, _currency);
        if (problems.Count > 0)
        {
            throw new CommunityException(ErrorCodes.CommunityInvalidOptions, "Community options are invalid: " + string.Join(" ", problems));
        }

        _partnerTiers = desk is null || desk.Plan.Tiers.IsEmpty
            ? []
            : [desk.Plan.Tiers.MaxBy(t => t.Price.MinorUnits)!.Id];
        _credits = CreateCredits(credits);
    }

    /// <summary>The rules joining the parts.</summary>
    public CommunityOptions Options => _options;

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
                .Select(m => new CommunityMemberSnapshot(m.Id, m.Lifecycle.ToSnapshot(), m.Membership?.ToSnapshot(), m.Number?.Text, m.NetSpent, m.LastActiveAt, m.QualifiedBy, m.QualifyingOrder, m.ReferralsWithMembership))
                .ToImmutableArray();
            var orders = _ordersByMember.OrderBy(p => p.Key).SelectMany(p => p.Value).Select(id => _orders[id]).ToImmutableArray();
            var refunds = _refunds.Select(r => new CommunityRefundSnapshot(r.Key, r.Value.Member, r.Value.OrderId, r.Value.Amount)).ToImmutableArray();
            return new CommunitySnapshot(members, orders, refunds, _network.ToSnapshot(), _commissions?.ToSnapshot()) { Credits = _credits?.ToSnapshot() };
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
                    m.ReferralsWithMembership);
                if (!members.TryAdd(m.Id, restored))
                {
                    problems.Add($"holds member {m.Id} twice");
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

            if (problems.Count > 0)
            {
                throw new CommunityException(ErrorCodes.CommunityInvalidSnapshot, "The community snapshot cannot be restored: " + string.Join("; ", problems) + ".");
            }

            var network = ReferralNetwork.Restore(snapshot.Network, _referrals, _time);
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

            foreach (var order in orders)
            {
                _orders[order.OrderId] = order;
                if (!_ordersByMember.TryGetValue(order.Member, out var ids))
                {
                    _ordersByMember[order.Member] = ids = new List<string>(2);
                }

                ids.Add(order.OrderId);
            }

            foreach (var refund in snapshot.Refunds.IsDefault ? [] : snapshot.Refunds)
            {
                _refunds[refund.RefundId] = new RefundRecord(refund.Member, refund.OrderId, refund.Amount);
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
            return _ordersByMember.TryGetValue(member, out var ids) ? [.. ids.Select(id => _orders[id])] : [];
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
            return QuoteFor(Require(member, "Member"), item);
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
                RegisterMember c => Register(draft, c),
                BindSponsor c => Bind(draft, c),
                PlaceOrder c => Order(draft, c),
                DowngradeMembership c => Downgrade(draft, c),
                RefundOrder c => RefundOf(draft, c),
                ConsumeEntitlement c => Consume(draft, c),
                SuspendMember c => Suspend(draft, c),
                ReinstateMember c => Reinstate(draft, c),
                RemoveMember c => Remove(draft, c),
                RevokePromoterRights c => Revoke(draft, c),
                RedeemCredits c => Redeem(draft, c),
                JoinLeadGroup c => Engage(draft, c.Member, LifecycleTrigger.JoinedLeadGroup, $"joined lead group {Required(c.GroupId, "GroupId")}"),
                FollowAccount c => Engage(draft, c.Member, LifecycleTrigger.Followed, $"followed {Required(c.Account, "Account")}"),
                RecordFact c => Record(draft, c),
                ClosePeriod => Close(draft),
                _ => throw new CommunityException(ErrorCodes.CommunityUnknownCommand, $"{command.GetType().Name} is not a command the community knows.", "Command"),
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
        if (_members.ContainsKey(command.Member))
        {
            throw new CommunityException(ErrorCodes.CommunityMemberExists, $"Member {command.Member} is already registered.", "Member");
        }

        var start = _chain.Start(command.Member);
        draft.Applied(_network.Register(command.Member, command.Sponsor)); // refused here leaves everything untouched
        draft.Emit(start.Event);
        return false;
    }

    private bool Bind(Draft draft, BindSponsor command)
    {
        Require(command.Member, "Member");
        draft.Applied(_network.Bind(command.Member, command.Sponsor));
        return false;
    }

    private bool Order(Draft draft, PlaceOrder command)
    {
        var orderId = Required(command.OrderId, "OrderId");
        var item = Required(command.Item, "Item");
        var member = Require(command.Member, "Member");
        if (_orders.TryGetValue(orderId, out var existing))
        {
            return existing.Member == command.Member && existing.Item == item
                ? true
                : throw new CommunityException(ErrorCodes.CommunityIdConflict, $"Order '{orderId}' is already '{existing.Item}' by member {existing.Member}.", "OrderId");
        }

        RequireNotHeld(member);
        var now = _time.GetUtcNow();
        CommunityOrder order;
        if (_desk is not null && _desk.Plan.TryGetTier(item, out var tier))
        {
            order = MembershipOrder(draft, member, tier, command, orderId, now);
        }
        else if (_catalog is not null && _catalog.TryGetProduct(item, out var product))
        {
            order = ProductOrder(draft, member, product, command, orderId, now);
        }
        else
        {
            throw new CommunityException(ErrorCodes.CommunityUnknownItem, $"'{item}' is neither a membership tier ({Names(_desk?.Plan.Tiers.Select(t => t.Id))}) nor a catalog product ({Names(_catalog?.Products.Select(p => p.Id))}).", "Item");
        }

        QualifyPromoter(draft, command.Member, order, now);
        QualifyPartners(draft, command.Member);
        if (order.Paid.IsPositive)
        {
            if (_commissions is not null)
            {
                draft.Applied(_commissions.OrderPaid(order, this)); // a refusal here leaves the ledger, and so everything, untouched
            }

            if (_network.RecordCommissionableOrder(command.Member) is { } locked)
            {
                draft.Applied(locked);
            }
        }

        IssueNumber(draft, command.Member, now);
        return false;
    }

    private CommunityOrder MembershipOrder(Draft draft, CommunityMember member, MembershipTier tier, PlaceOrder command, string orderId, DateTimeOffset now)
    {
        var desk = _desk!;
        var current = member.Membership;
        var today = current is null ? null : desk.Refresh(current).Membership;
        var quote = QuoteFor(member, tier.Id);
        var (price, reason) = command.Price is null && quote.Discount.IsPositive
            ? (quote.Price, $"member discount {quote.DiscountRate}")
            : (command.Price, command.PriceReason);
        if (today is null || today.Status == MembershipStatus.Refunded || (today.Status == MembershipStatus.Expired && today.TierId != tier.Id))
        {
            var purchase = desk.Purchase(member.Id, tier.Id, current, price, reason);
            var paid = Stamp(draft, purchase, orderId);
            Fire(draft, member.Id, tier.GrantsPromotionRights ? LifecycleTrigger.BoughtGiftPack : LifecycleTrigger.BoughtMembership, $"order {orderId}");
            return new(orderId, member.Id, OrderKind.MembershipPurchase, tier.Id, tier.Id, paid, Money.Zero(paid.Currency), now);
        }

        if (today.TierId == tier.Id)
        {
            var renewal = desk.Renew(current!, price, reason);
            var paid = Stamp(draft, renewal, orderId);
            Fire(draft, member.Id, LifecycleTrigger.MembershipRenewed, $"order {orderId}");
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
        Fire(draft, member.Id, LifecycleTrigger.BoughtMembership, $"order {orderId}");
        return new(orderId, member.Id, OrderKind.MembershipUpgrade, tier.Id, tier.Id, charged, Money.Zero(charged.Currency), now);
    }

    private CommunityOrder ProductOrder(Draft draft, CommunityMember member, Product product, PlaceOrder command, string orderId, DateTimeOffset now)
    {
        var quote = QuoteFor(member, product.Id);
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

        draft.Emit(new ProductPurchased(member.Id, orderId, product.Id, product.Kind, product.Tier, product.Price, paid, now, reason));
        var trigger = product.Kind == ProductKind.PartnerPackage
            ? LifecycleTrigger.BoughtPartnerPackage
            : product.Tier == LadderTier.LeadMagnet ? LifecycleTrigger.TookLeadProduct : LifecycleTrigger.MadeFirstPurchase;
        Fire(draft, member.Id, trigger, $"order {orderId}");
        return new(orderId, member.Id, OrderKind.Product, product.Id, product.Tier.ToString(), paid, Money.Zero(paid.Currency), now);
    }

    private bool Downgrade(Draft draft, DowngradeMembership command)
    {
        var member = Require(command.Member, "Member");
        RequireNotHeld(member);
        var membership = MembershipOf(member);
        draft.Changed(RequireDesk(nameof(DowngradeMembership)).Downgrade(membership, Required(command.TierId, "TierId")));
        return false;
    }

    private bool RefundOf(Draft draft, RefundOrder command)
    {
        var refundId = Required(command.RefundId, "RefundId");
        var orderId = Required(command.OrderId, "OrderId");
        var member = Require(command.Member, "Member");
        if (!_orders.TryGetValue(orderId, out var order) || order.Member != command.Member)
        {
            throw new CommunityException(ErrorCodes.CommunityUnknownOrder, $"Member {command.Member} has no order '{orderId}'.", "OrderId");
        }

        if (_refunds.TryGetValue(refundId, out var done))
        {
            return done.Member == command.Member && (done.OrderId == orderId || (done.OrderId is null && order.Kind != OrderKind.Product)) && (command.Amount is null || command.Amount == done.Amount)
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

            var refunded = new ProductRefunded(member.Id, orderId, refundId, amount, now);
            draft.Emit(refunded);
            ReverseCommissions(draft, refundId, [new(order, amount)]);
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

        var membership = MembershipOf(member);
        var change = RequireDesk(nameof(RefundOrder)).Refund(membership);
        var events = change.Events.Select(e => e is MembershipRefunded r ? r with { RefundId = refundId } : e).ToImmutableArray();
        var total = events.OfType<MembershipRefunded>().Single().Amount;
        draft.Changed(change, events);
        Fire(draft, member.Id, LifecycleTrigger.MembershipRefunded, $"refund {refundId} of order {orderId}");
        ReverseCommissions(draft, refundId, SpreadOverMembershipOrders(member.Id, total));
        if (member.QualifiedBy == PromoterBasis.MembershipTier)
        {
            draft.Emit(new PromoterRevoked(member.Id, $"refund {refundId} of order {orderId}", now));
        }

        return false;
    }

    private bool Consume(Draft draft, ConsumeEntitlement command)
    {
        var member = Require(command.Member, "Member");
        RequireNotHeld(member);
        var membership = member.Membership
            ?? throw new MembershipRefusedException([new Refusal(ErrorCodes.NotEntitled, $"Member {member.Id} has never held a membership, so no entitlement to '{command.ProductId}'.", "ProductId")]);
        var change = RequireDesk(nameof(ConsumeEntitlement)).Consume(membership, Required(command.ProductId, "ProductId"), Required(command.Key, "Key"));
        draft.Changed(change);
        LapseIfEnded(draft, member.Id, change.Events);
        return false;
    }

    private bool Suspend(Draft draft, SuspendMember command)
    {
        var member = Require(command.Member, "Member");
        var reason = Required(command.Reason, "Reason");
        draft.Moved(_chain.Fire(member.Lifecycle, LifecycleTrigger.Suspended, reason));
        if (member.Membership is { IsSuspended: false } membership && _desk is not null)
        {
            draft.Changed(_desk.Suspend(membership, reason));
        }

        return false;
    }

    private bool Reinstate(Draft draft, ReinstateMember command)
    {
        var member = Require(command.Member, "Member");
        var reason = Required(command.Reason, "Reason");
        var back = _chain.Fire(member.Lifecycle, LifecycleTrigger.Reinstated, reason);
        draft.Moved(back);
        if (member.Membership is { IsSuspended: true } membership && _desk is not null)
        {
            var change = _desk.Reinstate(membership, reason);
            draft.Changed(change);
            var today = _desk.Refresh(change.Membership);
            draft.Changed(today);
            if (today.Membership.Status == MembershipStatus.Expired)
            {
                Fire(draft, member.Id, LifecycleTrigger.MembershipExpired, "the membership ended while the member was suspended");
            }
        }

        return false;
    }

    private bool Remove(Draft draft, RemoveMember command)
    {
        var member = Require(command.Member, "Member");
        var reason = Required(command.Reason, "Reason");
        draft.Moved(_chain.Fire(member.Lifecycle, LifecycleTrigger.Removed, reason));
        if (member.Membership is { } membership && _desk is not null)
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

        if (member.QualifiedBy is not null)
        {
            draft.Emit(new PromoterRevoked(member.Id, reason, _time.GetUtcNow()));
        }

        return false;
    }

    private bool Revoke(Draft draft, RevokePromoterRights command)
    {
        var member = Require(command.Member, "Member");
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

    private bool Engage(Draft draft, MemberId member, LifecycleTrigger trigger, string reason)
    {
        Require(member, "Member");
        Fire(draft, member, trigger, reason);
        return false;
    }

    private bool Record(Draft draft, RecordFact command)
    {
        var fact = command.Fact ?? throw new CommunityException(ErrorCodes.CommunityInvalidCommand, "The fact is required.", "Fact");
        switch (fact)
        {
            case ActivityRecorded activity:
                var member = Require(activity.Member, "Fact");
                draft.Emit(activity);
                if (member.Stage == LifecycleStage.Dormant)
                {
                    Fire(draft, member.Id, LifecycleTrigger.Reactivated, "active again");
                }

                break;
            case AttendanceRecorded attendance:
                var attendee = Require(attendance.Member, "Fact");
                draft.Emit(attendance);
                if (attendee.Stage == LifecycleStage.Dormant)
                {
                    Fire(draft, attendee.Id, LifecycleTrigger.Reactivated, "attended " + attendance.ActivityId);
                }

                break;
            case InvitationSent invitation:
                Require(invitation.Inviter, "Fact");
                draft.Emit(invitation);
                break;
            case TrafficRecorded or InvitationAccepted:
                draft.Emit(fact);
                break;
            default:
                throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{fact.GetType().Name} is not a fact the community records; it records traffic, activity, attendance and invitations.", "Fact");
        }

        return false;
    }

    private bool Close(Draft draft)
    {
        var now = _time.GetUtcNow();
        foreach (var member in _members.Values.OrderBy(m => m.Id))
        {
            if (member.Membership is { } membership && _desk is not null)
            {
                var today = _desk.Refresh(membership);
                draft.Changed(today);
                LapseIfEnded(draft, member.Id, today.Events);
            }

            if (member.Stage == LifecycleStage.Fan && now - (member.LastActiveAt ?? member.Lifecycle.StageEnteredAt) >= _dormantAfter)
            {
                Fire(draft, member.Id, LifecycleTrigger.WentDormant, "no activity", new LifecycleFacts(LastActiveAt: member.LastActiveAt));
            }
        }

        return false;
    }

    // The value chain follows what the member did; a trigger the member's stage does not take (a customer buying again,
    // a partner renewing) is no error: the stage simply stays.
    private void Fire(Draft draft, MemberId member, LifecycleTrigger trigger, string reason, LifecycleFacts facts = default)
    {
        var moved = _chain.TryFire(draft.Lifecycle(member), trigger, reason, facts);
        if (moved.Succeeded)
        {
            draft.Moved(moved.Value);
        }
    }

    private void LapseIfEnded(Draft draft, MemberId member, ImmutableArray<IMembershipEvent> events)
    {
        if (events.Any(e => e is MembershipExpired))
        {
            Fire(draft, member, LifecycleTrigger.MembershipExpired, "the membership term ended");
        }
    }

    private Money Stamp(Draft draft, MembershipChange change, string orderId)
    {
        var paid = Money.Zero(_currency);
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
        LapseIfEnded(draft, change.Membership.MemberId, change.Events); // the desk brought an ended term up to date first
        return paid;
    }

    private void QualifyPromoter(Draft draft, MemberId memberId, CommunityOrder order, DateTimeOffset now)
    {
        var member = draft.Member(memberId);
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
            draft.Emit(new PromoterQualified(memberId, b, order.OrderId, now));
        }
    }

    // A member who now holds the partner tier, or whose referrals now hold memberships, may qualify as a partner (合伙人).
    private void QualifyPartners(Draft draft, MemberId buyer)
    {
        TryQualifyPartner(draft, buyer);
        var sponsor = SponsorOf(buyer);
        if (!sponsor.IsEmpty && _members.ContainsKey(sponsor))
        {
            TryQualifyPartner(draft, sponsor);
        }
    }

    private void TryQualifyPartner(Draft draft, MemberId memberId)
    {
        var member = draft.Member(memberId);
        if (member.Stage != LifecycleStage.Member)
        {
            return;
        }

        var facts = new LifecycleFacts(
            SuccessfulReferrals: member.ReferralsWithMembership + draft.NewReferralMemberships(memberId),
            HoldsActiveKa: member.Membership is { Status: MembershipStatus.Active } m && _partnerTiers.Contains(m.TierId));
        Fire(draft, memberId, LifecycleTrigger.QualifiedAsPartner, "qualified as a partner", facts);
    }

    private void IssueNumber(Draft draft, MemberId memberId, DateTimeOffset now)
    {
        var member = draft.Member(memberId);
        if (member.Number is not null || member.Membership is null)
        {
            return;
        }

        var category = _numberOptions.Prefixes.ContainsKey(member.Membership.TierId) ? member.Membership.TierId : _options.DefaultNumberCategory;
        draft.Emit(new MemberNumberIssued(memberId, _numbers.Issue(category).Text, now));
    }

    private void ReverseCommissions(Draft draft, string refundId, IEnumerable<(CommunityOrder Order, Money Amount)> shares)
    {
        if (_commissions is null)
        {
            return;
        }

        foreach (var (order, amount) in shares)
        {
            if (amount.IsPositive)
            {
                draft.Applied(_commissions.OrderRefunded(order, refundId, amount));
            }
        }
    }

    // A membership refund gives back the newest membership payments first (renewals, upgrades, promoter rights, the purchase),
    // each at most what is left of it; older terms already refunded have nothing left, so the shares always add up to the
    // amount the desk computed, credit carried over from an earlier membership included.
    private List<(CommunityOrder Order, Money Amount)> SpreadOverMembershipOrders(MemberId member, Money amount)
    {
        var orders = (_ordersByMember.GetValueOrDefault(member) ?? []).Select(id => _orders[id]).Where(o => o.Kind != OrderKind.Product).ToList();
        var shares = new List<(CommunityOrder, Money)>();
        var left = amount;
        for (var i = orders.Count - 1; i >= 0 && left.IsPositive; i--)
        {
            var share = Money.Min(left, orders[i].Remaining);
            if (share.IsPositive)
            {
                shares.Add((orders[i], share));
                left -= share;
            }
        }

        return shares;
    }

    private PriceQuote QuoteFor(CommunityMember member, string item)
    {
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

    private Membership MembershipOf(CommunityMember member) =>
        member.Membership ?? throw new MembershipRefusedException([new Refusal(ErrorCodes.MembershipNotActive, $"Member {member.Id} holds no membership.", "Member")]);

    private MembershipDesk RequireDesk(string command) =>
        _desk ?? throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{command} needs memberships, and this community sells none (no membership desk).", "Command");

    private CommunityMember Require(MemberId member, string field) =>
        _members.TryGetValue(member, out var found)
            ? found
            : throw new CommunityException(ErrorCodes.CommunityUnknownMember, $"Member {member} is not registered.", field);

    private static void RequireNotHeld(CommunityMember member)
    {
        if (member.IsHeld)
        {
            throw new CommunityException(ErrorCodes.CommunityMemberHeld, $"Member {member.Id} is {member.Stage}; a held member can neither buy nor use entitlements.", "Member");
        }
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{field} is required.", field) : value.Trim();

    private static string Names(IEnumerable<string>? names) => names is null ? "none" : string.Join(", ", names);

    // The one place state changes. Events the part that produced them has already applied (the referral network's own
    // decisions, the ledger's entries) only update the members here; on replay every event reaches every part.
    private void Evolve(IDomainEvent e, bool applyToParts)
    {
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
            case ProductPurchased p:
                AddOrder(new CommunityOrder(p.OrderId, p.Member, OrderKind.Product, p.ProductId, p.Tier.ToString(), p.Paid, Money.Zero(p.Paid.Currency), p.OccurredAt));
                break;
            case ProductRefunded r:
                _refunds[r.RefundId] = new RefundRecord(r.Member, r.OrderId, r.Amount);
                RefundOrder(r.OrderId, r.Amount, e);
                break;
            case MemberNumberIssued n:
                var number = _numbers.Resume(n.Number);
                Update(n.Member, e, m => m with { Number = number });
                break;
            case PromoterQualified q:
                if (applyToParts)
                {
                    _network.Apply(q);
                }

                Update(q.Member, e, m => m with { QualifiedBy = q.Basis, QualifyingOrder = q.Source });
                break;
            case PromoterRevoked r:
                if (applyToParts)
                {
                    _network.Apply(r);
                }

                Update(r.Member, e, m => m with { QualifiedBy = null, QualifyingOrder = null });
                break;
            case ActivityRecorded a:
                Update(a.Member, e, m => m with { LastActiveAt = a.OccurredAt });
                break;
            case AttendanceRecorded a:
                Update(a.Member, e, m => m with { LastActiveAt = a.OccurredAt });
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

        var firstMembership = !state.Started;
        state.Apply(e, 0); // a refusal is re-stated at the community's position by Apply

        switch (e)
        {
            case MembershipPurchased { OrderId: { } id } p:
                AddOrder(new CommunityOrder(id, p.MemberId, OrderKind.MembershipPurchase, p.TierId, p.TierId, p.Paid, Money.Zero(p.Paid.Currency), p.OccurredAt));
                if (firstMembership)
                {
                    CountReferralMembership(p.MemberId);
                }

                break;
            case MembershipRenewed { OrderId: { } id } r:
                AddOrder(new CommunityOrder(id, r.MemberId, OrderKind.MembershipRenewal, r.TierId, r.TierId, r.Paid, Money.Zero(r.Paid.Currency), r.OccurredAt));
                break;
            case MembershipUpgraded { OrderId: { } id } u:
                AddOrder(new CommunityOrder(id, u.MemberId, OrderKind.MembershipUpgrade, u.ToTierId, u.ToTierId, u.Charged, Money.Zero(u.Charged.Currency), u.OccurredAt));
                break;
            case PromoterRightsGranted { OrderId: { } id, Paid: { } paid } g:
                AddOrder(new CommunityOrder(id, g.MemberId, OrderKind.PromoterRights, g.TierId, g.TierId, paid, Money.Zero(paid.Currency), g.OccurredAt));
                break;
            case MembershipRefunded { RefundId: { } refundId } r:
                foreach (var (order, amount) in SpreadOverMembershipOrders(r.MemberId, r.Amount))
                {
                    RefundOrder(order.OrderId, amount, e);
                }

                _refunds[refundId] = new RefundRecord(r.MemberId, null, r.Amount);

                break;
        }
    }

    private void CountReferralMembership(MemberId member)
    {
        var sponsor = SponsorOf(member);
        if (!sponsor.IsEmpty && _members.TryGetValue(sponsor, out var s))
        {
            _members[sponsor] = s with { ReferralsWithMembership = s.ReferralsWithMembership + 1 };
        }
    }

    private void AddOrder(CommunityOrder order)
    {
        _orders[order.OrderId] = order;
        if (!_ordersByMember.TryGetValue(order.Member, out var ids))
        {
            _ordersByMember[order.Member] = ids = [];
        }

        ids.Add(order.OrderId);
        if (_members.TryGetValue(order.Member, out var m))
        {
            _members[order.Member] = m with { NetSpent = m.NetSpent + order.Paid };
        }
    }

    private void RefundOrder(string orderId, Money amount, IDomainEvent e)
    {
        if (!_orders.TryGetValue(orderId, out var order))
        {
            throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, $"a refund names order '{orderId}', which the community never took");
        }

        _orders[orderId] = order with { Refunded = order.Refunded + amount };
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

    private CommunityMember Update(MemberId member, IDomainEvent e, Func<CommunityMember, CommunityMember> change)
    {
        if (!_members.TryGetValue(member, out var m))
        {
            throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, $"{e.GetType().Name} at {e.OccurredAt:O} names member {member}, who is not registered");
        }

        return _members[member] = change(m);
    }

    /// <summary>A refund taken: of a product order, or (no order id) of a membership spread over its orders.</summary>
    private sealed record RefundRecord(MemberId Member, string? OrderId, Money Amount);

    /// <summary>A command's events so far, and the members as those events leave them, before anything is applied.</summary>
    private sealed class Draft(Community community)
    {
        private readonly Dictionary<MemberId, CommunityMember> _members = [];
        private readonly Dictionary<MemberId, int> _newReferralMemberships = [];

        public List<(IDomainEvent Event, bool AppliedByPart)> Events { get; } = [];

        public CommunityMember Member(MemberId member) =>
            _members.TryGetValue(member, out var m) ? m : community._members[member];

        public LifecycleState Lifecycle(MemberId member) => Member(member).Lifecycle;

        public int NewReferralMemberships(MemberId sponsor) => _newReferralMemberships.GetValueOrDefault(sponsor);

        // A transition the value chain decided: its new state is known, so later decisions read it without replaying the event.
        public void Moved(Transition<LifecycleState, MemberTransitioned> transition)
        {
            Events.Add((transition.Event, false));
            _members[transition.State.Member] = Member(transition.State.Member) with { Lifecycle = transition.State };
        }

        // A change the membership desk decided: its membership is the member's from now on, with the events as stored
        // (the desk's own, or the same stamped with the order or refund that paid them).
        public void Changed(MembershipChange change, ImmutableArray<IMembershipEvent>? stored = null)
        {
            foreach (var e in stored ?? change.Events)
            {
                Events.Add((e, false));
            }

            var holder = Member(change.Membership.MemberId);
            if (holder.Membership is null && change.Events.Any(e => e is MembershipPurchased))
            {
                var sponsor = community.SponsorOf(holder.Id);
                _newReferralMemberships[sponsor] = NewReferralMemberships(sponsor) + 1;
            }

            _members[holder.Id] = holder with { Membership = change.Membership };
        }

        public void Emit(IDomainEvent e)
        {
            Events.Add((e, false));
            Track(e);
        }

        public void Emit<T>(ImmutableArray<T> events) where T : IDomainEvent
        {
            foreach (var e in events)
            {
                Emit(e);
            }
        }

        public void Applied(IDomainEvent e)
        {
            Events.Add((e, true));
            Track(e);
        }

        public void Applied(ImmutableArray<IDomainEvent> events)
        {
            foreach (var e in events)
            {
                Applied(e);
            }
        }

        // What later decisions of the same command must see: the member's stage, membership and promoter status.
        private void Track(IDomainEvent e)
        {
            switch (e)
            {
                case PromoterQualified q:
                    _members[q.Member] = Member(q.Member) with { QualifiedBy = q.Basis };
                    break;
            }
        }
    }
}
