using System.Collections.Immutable;
using CommunityModel.Commissions;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Orleans.MemberNumbers;
using CommunityModel.Orleans.Orders;
using CommunityModel.Orleans.Directory;
using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Orleans.Storage;
using CommunityModel.Persistence;
using CommunityModel.Referrals;
using CommunityModel.Roles;
using CommunityModel.Orleans.Activities;
using CommunityModel.Orleans.Plays;
using CommunityModel.Orleans.Refunds;
using CommunityModel.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Orleans.Members;

/// <summary>
/// A member's grain: its stream (<c>member-{id}</c>) holds the member's own stream as <see cref="MemberStream"/> decides
/// it (value chain, membership, entitlements, orders, refunds, member number), its registration, bindings and lock, and its
/// commission account's events; the account is a <see cref="CommissionLedger"/> fed only what concerns the member.
/// </summary>
/// <remarks>
/// Every change is decided and stored under one gate (<see cref="_gate"/>), one at a time, so withdrawals never race. The
/// grain is reentrant only so that, while it delivers a decision's follow-ups to other grains outside the gate, those
/// grains may call it back (an order paying its buyer's sponsor chain, a sponsor's commissions): two members' deliveries
/// never wait on each other.
/// </remarks>
[Reentrant]
internal sealed class MemberGrain(IEventStore store, CommunityClusterOptions options, MemberStream decider, IServiceProvider services) : Grain, IMemberGrain
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _delivery = new(1, 1);
    private readonly List<MemberFollowUp> _followUps = [];
    private readonly HashSet<string> _referrals = new(StringComparer.Ordinal);
    private MemberStreamState _state = null!;
    private int _delivered;
    private IGrainTimer? _retry;
    private readonly ISnapshotStore<MemberGrainSnapshot>? _snapshots = services.GetService<ISnapshotStore<MemberGrainSnapshot>>();
    private readonly HashSet<CommissionKey> _accrued = [];
    private readonly HashSet<string> _reversals = new(StringComparer.Ordinal);
    private readonly List<SponsorChange> _bindings = [];
    private EventStream _stream = null!;
    private CommissionLedger _ledger = null!;
    private long _snapshotVersion;
    private bool _registered;
    private MemberId _sponsor;
    private DateTimeOffset _registeredAt;
    private DateTimeOffset _boundAt;
    private bool _locked;
    private EarnerStatus _status;

    private MemberId Id => this.GetPrimaryKeyLong();

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"member-{Id.Value}");
        _ledger = new CommissionLedger(options.Ledger, options.Clock);
        _state = MemberStreamState.Empty(Id);
        if (_snapshots is not null && await _snapshots.LoadAsync(_stream.Id, cancellationToken) is { } snapshot)
        {
            Restore(snapshot.State);
            _snapshotVersion = snapshot.Version;
        }

        await _stream.ReadAsync(_snapshotVersion, Apply, cancellationToken);
        if (_delivered < _followUps.Count)
        {
            ScheduleRetry();
        }
    }

    public async Task<CommandOutcome> Execute(CommunityCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is RegisterMember register)
        {
            return register.Member == Id
                ? await Register(register.Sponsor.Value)
                : throw new ArgumentException($"The command registers member {register.Member}, not {Id}.", nameof(command));
        }

        CommandOutcome outcome;
        await _gate.WaitAsync();
        try
        {
            // An order id names one order across the community, as Community refuses it before any member decides: a
            // new id is claimed in its order grain first, so of two members racing for it one decides and one is refused.
            IOrderGrain? claimed = null;
            if (command is PlaceOrder order && order.Member == Id && !string.IsNullOrWhiteSpace(order.OrderId) && _state.Order(order.OrderId) is null)
            {
                claimed = GrainFactory.GetGrain<IOrderGrain>(order.OrderId);
                if (await claimed.Claim(Id.Value) is var holder && holder != Id.Value)
                {
                    return CommandOutcome.Refuse([new Refusal(ErrorCodes.CommunityIdConflict, $"Order '{order.OrderId}' is already taken by member {holder}.", "OrderId")]);
                }
            }

            // A refund id names one refund across the community too: a new one is claimed in its refund grain first.
            IRefundGrain? claimedRefund = null;
            if (command is RefundOrder refund && refund.Member == Id && !string.IsNullOrWhiteSpace(refund.RefundId) && _state.Refund(refund.RefundId) is null)
            {
                claimedRefund = GrainFactory.GetGrain<IRefundGrain>(refund.RefundId);
                if (await claimedRefund.Claim(Id.Value) is var holder && holder != Id.Value)
                {
                    return CommandOutcome.Refuse([new Refusal(ErrorCodes.CommunityIdConflict, $"Refund '{refund.RefundId}' is already taken by member {holder}.", "RefundId")]);
                }
            }

            // A decision that stores nothing gives back the ids it claimed.
            Task ReleaseClaims() => Task.WhenAll(claimed?.Release(Id.Value) ?? Task.CompletedTask, claimedRefund?.Release(Id.Value) ?? Task.CompletedTask);

            // A sale within a play is the play's to allow: its grain takes a unit and builds the order the buyer places.
            if (command is PlaceOrder { Play: { } play, PlayKind: { } kind } sale && sale.Member == Id && _state.Order(sale.OrderId) is null)
            {
                var reservation = kind == PlayKind.FlashSale
                    ? await GrainFactory.GetGrain<IFlashSaleGrain>(play).Reserve(sale, _state.IsRegistered)
                    : PlayReservation.Refuse([new Refusal(ErrorCodes.CampaignPlayNotHosted, $"The cluster hosts flash sales only; '{play}' is a {PlayKinds.DisplayName(kind)}, whose orders are refused rather than placed without its rules.", "PlayKind")]);
                if (reservation.Order is null)
                {
                    await ReleaseClaims();
                    return new CommandOutcome(false, false, reservation.Refusals);
                }

                command = reservation.Order;
            }

            MemberDecision decision;
            try
            {
                decision = await DecideAsync(command);
            }
            catch (CommunityModelException e)
            {
                await ReleaseClaims();
                return CommandOutcome.Refuse(e.Refusals);
            }

            if (decision.IsRepeat)
            {
                await ReleaseClaims();
                outcome = CommandOutcome.Accept(isRepeat: true);
            }
            else if (command is OrganiseActivity organise)
            {
                // The activity's stream holds who organises it; the organiser's stream decided it.
                await GrainFactory.GetGrain<IActivityGrain>(organise.Activity.Trim()).Record((ActivityOrganised)decision.Events[0]);
                outcome = CommandOutcome.Accept();
            }
            else
            {
                await CommitDecisionAsync(decision);
                outcome = CommandOutcome.Accept();
            }
        }
        finally
        {
            _gate.Release();
        }

        await DeliverFollowUps();
        return outcome;
    }

    // The member's stream decides; what it needs of other streams is read first: the holder of a care place, the organiser
    // of an activity, and, for a sale within a play, who organises it, which joins the order the commissions are paid on.
    private async Task<MemberDecision> DecideAsync(CommunityCommand command)
    {
        switch (command)
        {
            case AssignCare assign:
                var holder = await GrainFactory.GetGrain<IMemberGrain>(assign.Holder.Value).GetMember();
                return decider.Decide(_state, assign, holder is null ? null : MemberOf(holder));
            case OrganiseActivity organise:
                var current = string.IsNullOrWhiteSpace(organise.Activity) ? null : await OrganiserOf(organise.Activity);
                return decider.Decide(_state, organise, current);
            case PlaceOrder { Play: { } play } order when !string.IsNullOrWhiteSpace(play) && order.Member == Id:
                var organiser = await OrganiserOf(play);
                var decision = decider.Decide(_state, command);
                return decision with
                {
                    FollowUps = [.. decision.FollowUps.Select(f => f is OrderPaidFollowUp paid ? paid with { Order = OrderRoles.WithOrganiser(paid.Order, organiser) } : f)],
                };
            default:
                return decider.Decide(_state, command);
        }
    }

    private async Task<MemberId?> OrganiserOf(string activity)
    {
        var organiser = await GrainFactory.GetGrain<IActivityGrain>(activity.Trim()).GetOrganiser();
        return organiser == 0 ? null : MemberKey.Of(organiser);
    }

    public Task<RefusalText[]> Check(PlaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Member != Id)
        {
            throw new ArgumentException($"The order is member {order.Member}'s, not {Id}'s.", nameof(order));
        }

        try
        {
            decider.Decide(_state, order);
            return Task.FromResult<RefusalText[]>([]);
        }
        catch (CommunityModelException e)
        {
            return Task.FromResult<RefusalText[]>([.. e.Refusals.Select(RefusalText.From)]);
        }
    }

    public async Task<int> ReceiveReferral(ReferralMembershipStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        if (started.Sponsor != Id)
        {
            throw new ArgumentException($"The referral's membership is for sponsor {started.Sponsor}, not {Id}.", nameof(started));
        }

        int recorded;
        await _gate.WaitAsync();
        try
        {
            // A sponsor who is not a member records nothing, as in Community; the same referral's order twice is a repeat.
            if (!_state.IsRegistered || _referrals.Contains(ReferralKey(started)))
            {
                return 0;
            }

            var decision = decider.Decide(_state, started);
            await CommitDecisionAsync(decision);
            recorded = decision.Events.Length;
        }
        finally
        {
            _gate.Release();
        }

        await DeliverFollowUps();
        return recorded;
    }

    public Task<CommunityMemberSnapshot?> GetMember() => Task.FromResult(_state.Member is { } m ? SnapshotOf(m) : null);

    // The member record as it crosses and is stored: its roles, care team and the referrals it counted included.
    private CommunityMemberSnapshot SnapshotOf(CommunityMember m) =>
        new(m.Id, m.Lifecycle.ToSnapshot(), m.Membership?.ToSnapshot(), m.Number?.Text, m.NetSpent, m.LastActiveAt, m.QualifiedBy, m.QualifyingOrder, m.ReferralsWithMembership)
        {
            ReferralsCounted = _state.ReferralsCounted.IsDefault ? [] : _state.ReferralsCounted,
            RoleTerms = m.RoleTerms.IsDefault ? [] : m.RoleTerms,
            CareTeam = m.CareTeam.IsDefault ? [] : m.CareTeam,
        };

    private CommunityMember MemberOf(CommunityMemberSnapshot m) =>
        new(m.Id, LifecycleState.Restore(m.Lifecycle), m.Membership is null ? null : Membership.Restore(m.Membership), m.Number is null ? null : new MemberNumberIssuer(decider.Numbers).Parse(m.Number), m.NetSpent, m.LastActiveAt, m.QualifiedBy, m.QualifyingOrder, m.ReferralsWithMembership)
        {
            RoleTerms = m.RoleTerms.IsDefault ? [] : m.RoleTerms,
            CareTeam = m.CareTeam.IsDefault ? [] : m.CareTeam,
        };

    // The member's orders as the community holds them: the stream's, with the organiser of a play sale's activity, which the
    // stream does not hold (it is the activity's), taken from the payment follow-up the sale stored.
    public Task<CommunityOrder[]> GetOrders()
    {
        var organisers = _followUps
            .Select(f => f.OrderPaid?.Order)
            .Where(o => o is not null && o.Roles.ContainsKey(OrderRoles.Organiser))
            .ToDictionary(o => o!.OrderId, o => o!.Roles[OrderRoles.Organiser], StringComparer.Ordinal);
        return Task.FromResult(_state.Orders.IsDefault ? [] : _state.Orders.Select(o => OrderRoles.WithOrganiser(o, organisers.TryGetValue(o.OrderId, out var organiser) ? organiser : null)).ToArray());
    }

    public async Task<int> DeliverFollowUps()
    {
        await _delivery.WaitAsync();
        try
        {
            var total = _followUps.Count;
            for (var i = _delivered; i < total; i++)
            {
                await Deliver(_followUps[i].ToFollowUp());
            }

            if (total > _delivered)
            {
                await Serially(() => CommitAsync([new FollowUpsDelivered(total, options.Clock.GetUtcNow())]));
            }

            _retry?.Dispose();
            _retry = null;
            return 0;
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            ScheduleRetry();
            return _followUps.Count - _delivered;
        }
        finally
        {
            _delivery.Release();
        }
    }

    // Delivers one follow-up as an idempotent message: the receiver ignores what it holds already.
    private async Task Deliver(FollowUp followUp)
    {
        switch (followUp)
        {
            case OrderPaidFollowUp f:
                await GrainFactory.GetGrain<IOrderGrain>(f.Order.OrderId).Paid(f.Order);
                await Serially(async () =>
                {
                    // The first commissionable order fixes the member's sponsor, as the referral network decides it.
                    if (_registered && !_locked)
                    {
                        var network = ReferralNetwork.Restore(new ReferralNetworkSnapshot([new ReferralNode(Id, default, _registeredAt, _boundAt, _locked)], [], [], 0), options.Referrals, options.Clock);
                        if (network.RecordCommissionableOrder(Id) is { } locked)
                        {
                            await CommitAsync([locked]);
                        }
                    }
                });
                break;
            case OrderRefundedFollowUp f:
                await GrainFactory.GetGrain<IRefundGrain>(f.RefundId).Record(Id.Value); // the claim becomes the record
                var receipt = await GrainFactory.GetGrain<IOrderGrain>(f.Order.OrderId).Refund(f.RefundId, f.Amount.MinorUnits);
                if (receipt.Refusal is { } refused)
                {
                    throw new InvalidOperationException($"Order '{f.Order.OrderId}' refused refund '{f.RefundId}': {refused.Code} {refused.Message}");
                }

                break;
            case ReferralFollowUp f:
                await GrainFactory.GetGrain<IMemberGrain>(f.Started.Sponsor.Value).ReceiveReferral(f.Started);
                break;
            case MemberNumberFollowUp f:
                var number = await GrainFactory.GetGrain<IMemberNumberIssuerGrain>(0).Issue(f.Member.Value, f.Category, f.OccurredAt);
                await Serially(async () =>
                {
                    if (_state.Member is { Number: null })
                    {
                        await CommitAsync([new MemberNumberIssued(f.Member, number, f.OccurredAt)]);
                    }
                });
                break;
        }
    }

    private async Task Serially(Func<Task> change)
    {
        await _gate.WaitAsync();
        try
        {
            await change();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> Serially<T>(Func<Task<T>> change)
    {
        await _gate.WaitAsync();
        try
        {
            return await change();
        }
        finally
        {
            _gate.Release();
        }
    }

    // Stores a decision's events with the follow-ups it asks for, in one append.
    private Task CommitDecisionAsync(MemberDecision decision) =>
        CommitAsync(decision.FollowUps.IsDefaultOrEmpty
            ? decision.Events
            : [.. decision.Events, new FollowUpsRecorded([.. decision.FollowUps.Select(MemberFollowUp.Of)], options.Clock.GetUtcNow())]);

    private void ScheduleRetry() =>
        _retry ??= this.RegisterGrainTimer(_ => DeliverFollowUps(), RetryEvery, RetryEvery);

    private static string ReferralKey(ReferralMembershipStarted started) => $"{started.Referral}#{started.OrderId}";

    public async Task<CommandOutcome> Register(long sponsor)
    {
        var outcome = await Serially(() => RegisterSerially(sponsor));
        await DeliverFollowUps();
        return outcome;
    }

    private async Task<CommandOutcome> RegisterSerially(long sponsor)
    {
        if (_registered)
        {
            // A retried registration is a repeat; another one is refused as the community refuses it (member exists).
            if (_sponsor.Value == sponsor && _bindings.Count == 0)
            {
                return CommandOutcome.Accept(isRepeat: true);
            }

            try
            {
                decider.Decide(_state, new RegisterMember(Id, MemberKey.Of(sponsor)));
            }
            catch (CommunityModelException e)
            {
                return CommandOutcome.Refuse(e.Refusals);
            }
        }

        // The member is listed before it registers: a listed member that never registered is skipped by the month-end,
        // while a registered member missing from the directory would be missed.
        await GrainFactory.GetGrain<IMemberDirectoryGrain>(Id.Value % options.DirectoryPartitions).List(Id.Value);
        var nodes = new List<ReferralNode>();
        var promoters = new List<MemberId>();
        if (sponsor != 0 && sponsor != Id.Value)
        {
            var node = await GrainFactory.GetGrain<IMemberGrain>(sponsor).GetNode();
            if (node.Registered)
            {
                nodes.Add(new ReferralNode(MemberKey.Of(sponsor), default, node.RegisteredAt, node.BoundAt, node.Locked));
                if (((EarnerStatus)node.Status).HasFlag(EarnerStatus.Promoter))
                {
                    promoters.Add(MemberKey.Of(sponsor));
                }
            }
        }

        var network = ReferralNetwork.Restore(new ReferralNetworkSnapshot([.. nodes], [], [.. promoters], 0), options.Referrals, options.Clock);
        try
        {
            // The member's stream starts the value chain, the referral network decides the sponsor: the events in Community's order.
            var start = decider.Decide(_state, new RegisterMember(Id, MemberKey.Of(sponsor)));
            var registered = network.Register(Id, MemberKey.Of(sponsor));
            await CommitDecisionAsync(start with { Events = [registered, .. start.Events] });
            return CommandOutcome.Accept();
        }
        catch (CommunityModelException e)
        {
            return CommandOutcome.Refuse(e.Refusals);
        }
    }

    public Task<MemberNode> GetNode() => Task.FromResult(Node());

    public Task<SponsorChange[]> GetBindings() => Task.FromResult(_bindings.ToArray());

    public Task<CommandOutcome> Bind(long sponsor) => Serially(() => BindSerially(sponsor));

    private async Task<CommandOutcome> BindSerially(long sponsor)
    {
        // The sponsor's ancestors, gathered grain by grain up to the top or back to this member (a cycle).
        var self = Node();
        var nodes = new Dictionary<MemberId, ReferralNode>();
        var promoters = new List<MemberId>();
        if (_registered)
        {
            nodes[Id] = new ReferralNode(Id, _sponsor, _registeredAt, _boundAt, _locked);
            if (_status.HasFlag(EarnerStatus.Promoter))
            {
                promoters.Add(Id);
            }
        }

        for (var current = MemberKey.Of(sponsor); !current.IsEmpty && current != Id && !nodes.ContainsKey(current);)
        {
            var node = await GrainFactory.GetGrain<IMemberGrain>(current.Value).GetNode();
            if (!node.Registered)
            {
                break;
            }

            nodes[current] = new ReferralNode(current, MemberKey.Of(node.Sponsor), node.RegisteredAt, node.BoundAt, node.Locked);
            if (((EarnerStatus)node.Status).HasFlag(EarnerStatus.Promoter))
            {
                promoters.Add(current);
            }

            current = MemberKey.Of(node.Sponsor);
        }

        // Sponsors outside the walk (this member's current sponsor, a sponsor that stopped answering as registered) stand as roots.
        foreach (var node in nodes.Values.ToArray())
        {
            if (!node.Sponsor.IsEmpty && !nodes.ContainsKey(node.Sponsor))
            {
                nodes[node.Sponsor] = new ReferralNode(node.Sponsor, default, self.RegisteredAt, self.RegisteredAt, false);
            }
        }

        var network = ReferralNetwork.Restore(new ReferralNetworkSnapshot([.. nodes.Values], [], [.. promoters], 0), options.Referrals, options.Clock);
        var attempt = network.TryBind(Id, MemberKey.Of(sponsor));
        if (!attempt.Succeeded)
        {
            return CommandOutcome.Refuse(attempt.Refusals);
        }

        await CommitAsync([attempt.Value]);
        return CommandOutcome.Accept();
    }

    public Task LockReferral() => Serially(LockSerially);

    private async Task LockSerially()
    {
        if (_registered && !_locked)
        {
            await CommitAsync([new ReferralLocked(Id, options.Clock.GetUtcNow())]);
        }
    }

    public Task RecordEarnerEvent(IDomainEvent domainEvent) => Serially(() => RecordEarnerEventSerially(domainEvent));

    private async Task RecordEarnerEventSerially(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var about = domainEvent switch
        {
            MemberTransitioned t => t.Member,
            PromoterRightsGranted g => g.MemberId,
            PromoterRightsRevoked r => r.MemberId,
            PromoterQualified q => q.Member,
            PromoterRevoked r => r.Member,
            _ => throw new ArgumentException($"{domainEvent.GetType().Name} does not change whether a member may earn.", nameof(domainEvent)),
        };
        if (about != Id)
        {
            throw new ArgumentException($"The event is about member {about}, not {Id}.", nameof(domainEvent));
        }

        await CommitAsync([domainEvent]);
    }

    public Task<int> ReceiveCommissions(IDomainEvent[] followUps) => Serially(() => ReceiveCommissionsSerially(followUps));

    private async Task<int> ReceiveCommissionsSerially(IDomainEvent[] followUps)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        var fresh = new List<IDomainEvent>(followUps.Length);
        var accrued = new HashSet<CommissionKey>();
        var reversed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var followUp in followUps)
        {
            switch (followUp)
            {
                case CommissionAccrued a when a.Key.Beneficiary == Id:
                    if (!_accrued.Contains(a.Key) && accrued.Add(a.Key))
                    {
                        fresh.Add(a);
                    }

                    break;
                case CommissionReversed r when r.Key.Beneficiary == Id:
                    if (!_reversals.Contains(ReversalId(r)) && reversed.Add(ReversalId(r)))
                    {
                        fresh.Add(r);
                    }

                    break;
                default:
                    throw new ArgumentException($"Member {Id} receives only its own commission accruals and reversals, not {followUp}.", nameof(followUps));
            }
        }

        // The member's ledger checks each one fits before anything is stored (a reversal of an accrual never received is refused).
        var check = CommissionLedger.Restore(_ledger.ToSnapshot(), options.Ledger, options.Clock);
        foreach (var e in fresh)
        {
            check.Apply(e);
        }

        await CommitAsync(fresh);
        return fresh.Count;
    }

    public Task<CommandOutcome> RequestWithdrawal(string withdrawalId, long amount) => Serially(() => RequestWithdrawalSerially(withdrawalId, amount));

    private async Task<CommandOutcome> RequestWithdrawalSerially(string withdrawalId, long amount)
    {
        var attempt = _ledger.TryRequestWithdrawal(withdrawalId, Id, Money.FromMinorUnits(amount, options.Ledger.Currency));
        if (!attempt.Succeeded)
        {
            return CommandOutcome.Refuse(attempt.Refusals);
        }

        if (attempt.Value.Event is { } requested)
        {
            // The ledger applied the request as it decided; storing it is what makes it count.
            await CommitAsync([requested], applied: true);
        }

        return CommandOutcome.Accept(attempt.Value.IsRepeat);
    }

    public Task<CommandOutcome> MarkWithdrawalPaid(string withdrawalId) => Settle(() => _ledger.MarkWithdrawalPaid(withdrawalId));

    public Task<CommandOutcome> RejectWithdrawal(string withdrawalId, string reason) => Settle(() => _ledger.RejectWithdrawal(withdrawalId, reason));

    public Task<AccountBalance> GetBalance() => Task.FromResult(AccountBalance.From(_ledger.BalanceOf(Id)));

    public async Task<IDomainEvent[]> GetAccountEvents()
    {
        var events = new List<IDomainEvent>();
        await foreach (var recorded in store.ReadStreamAsync(_stream.Id))
        {
            if (recorded.Event is CommissionAccrued or CommissionReversed or WithdrawalRequested or WithdrawalPaid or WithdrawalRejected)
            {
                events.Add(recorded.Event);
            }
        }

        return [.. events];
    }

    private static string ReversalId(CommissionReversed reversed) => $"{reversed.Key}#{reversed.RefundId}";

    private Task<CommandOutcome> Settle(Func<IDomainEvent> decide) => Serially(() => SettleSerially(decide));

    private async Task<CommandOutcome> SettleSerially(Func<IDomainEvent> decide)
    {
        // A refused settlement is the ledger's typed error; the ledger is untouched then.
        var before = _ledger.ToSnapshot();
        IDomainEvent settled;
        try
        {
            settled = decide();
        }
        catch (CommissionException e)
        {
            return CommandOutcome.Refuse(e.Refusals);
        }

        try
        {
            await CommitAsync([settled], applied: true);
        }
        catch
        {
            _ledger = CommissionLedger.Restore(before, options.Ledger, options.Clock);
            throw;
        }

        return CommandOutcome.Accept();
    }

    private MemberNode Node() => new(Id.Value, _registered, _sponsor.Value, _registeredAt, _boundAt, _locked, (byte)_status);

    // Stores one decision's events, then applies them (unless the ledger already applied them while deciding).
    private async Task CommitAsync(IReadOnlyList<IDomainEvent> events, bool applied = false)
    {
        if (events.Count == 0)
        {
            return;
        }

        try
        {
            await _stream.AppendAsync(events);
        }
        catch (Exception)
        {
            // The stored stream is the truth: read it again on the next call rather than keep what was not stored.
            DeactivateOnIdle();
            throw;
        }

        foreach (var e in events)
        {
            Apply(e, applied);
        }

        if (_snapshots is not null && _stream.Version - _snapshotVersion >= options.SnapshotEvery)
        {
            await _snapshots.SaveAsync(new(_stream.Id, _stream.Version, ToSnapshot()));
            _snapshotVersion = _stream.Version;
        }
    }

    private void Apply(IDomainEvent e) => Apply(e, applied: false);

    private void Apply(IDomainEvent e, bool applied)
    {
        _state = decider.Evolve(_state, e);
        switch (e)
        {
            case FollowUpsRecorded recorded:
                _followUps.AddRange(recorded.FollowUps);
                break;
            case FollowUpsDelivered delivered:
                _delivered = delivered.Count;
                break;
            case ReferralMembershipStarted started:
                _referrals.Add(ReferralKey(started));
                break;
            case IMembershipEvent or ProductPurchased or ProductRefunded or MemberNumberIssued or Metrics.ActivityRecorded or Metrics.AttendanceRecorded or Metrics.InvitationSent or WorkRoleGranted or CareAssigned:
                break;
            case MemberRegistered r:
                (_registered, _sponsor, _registeredAt, _boundAt) = (true, r.Sponsor, r.OccurredAt, r.OccurredAt);
                break;
            case SponsorBound b:
                _bindings.Add(new SponsorChange(b.Member, b.Sponsor, b.PreviousSponsor, b.OccurredAt));
                (_sponsor, _boundAt) = (b.Sponsor, b.OccurredAt);
                break;
            case SponsorReassigned r:
                _bindings.Add(new SponsorChange(r.Member, r.Sponsor, r.PreviousSponsor, r.OccurredAt));
                (_sponsor, _boundAt) = (r.Sponsor, r.OccurredAt);
                break;
            case ReferralLocked:
                _locked = true;
                break;
            case MemberTransitioned t:
                Set(EarnerStatus.Suspended, t.To is LifecycleStage.Suspended or LifecycleStage.Removed);
                break;
            case PromoterRightsGranted or PromoterQualified:
                Set(EarnerStatus.Promoter, true);
                break;
            case PromoterRightsRevoked or PromoterRevoked:
                Set(EarnerStatus.Promoter, false);
                break;
            case CommissionAccrued a:
                _accrued.Add(a.Key);
                ApplyToLedger(a, applied);
                break;
            case CommissionReversed r:
                _reversals.Add(ReversalId(r));
                ApplyToLedger(r, applied);
                break;
            default:
                ApplyToLedger(e, applied);
                break;
        }
    }

    private void ApplyToLedger(IDomainEvent e, bool applied)
    {
        if (!applied)
        {
            _ledger.Apply(e);
        }
    }

    private void Set(EarnerStatus flag, bool on) => _status = on ? _status | flag : _status & ~flag;

    private MemberGrainSnapshot ToSnapshot() =>
        new(_registered, _sponsor, _registeredAt, _boundAt, _locked, _status, [.. _bindings], _ledger.ToSnapshot(), [.. _reversals])
        {
            Member = _state.Member is { } m ? SnapshotOf(m) : null,
            Orders = _state.Orders.IsDefault ? [] : _state.Orders,
            Refunds = _state.Refunds.IsDefault ? [] : _state.Refunds,
            FollowUps = [.. _followUps],
            Delivered = _delivered,
            Referrals = [.. _referrals],
        };

    private void Restore(MemberGrainSnapshot snapshot)
    {
        (_registered, _sponsor, _registeredAt, _boundAt, _locked, _status) =
            (snapshot.Registered, snapshot.Sponsor, snapshot.RegisteredAt, snapshot.BoundAt, snapshot.Locked, snapshot.Status);
        _bindings.AddRange(snapshot.Bindings.IsDefault ? [] : snapshot.Bindings);
        _ledger = CommissionLedger.Restore(snapshot.Ledger, options.Ledger, options.Clock);
        foreach (var entry in snapshot.Ledger.Entries.IsDefault ? [] : snapshot.Ledger.Entries)
        {
            _accrued.Add(entry.Key);
        }

        _reversals.UnionWith(snapshot.Reversals.IsDefault ? [] : snapshot.Reversals);
        var member = snapshot.Member is { } m ? MemberOf(m) : null;
        _state = new MemberStreamState(Id, member, snapshot.Sponsor, snapshot.Orders.IsDefault ? [] : snapshot.Orders, snapshot.Refunds.IsDefault ? [] : snapshot.Refunds)
        {
            ReferralsCounted = snapshot.Member is { ReferralsCounted: { IsDefault: false } counted } ? counted : [],
        };
        _followUps.AddRange(snapshot.FollowUps.IsDefault ? [] : snapshot.FollowUps);
        _delivered = snapshot.Delivered;
        _referrals.UnionWith(snapshot.Referrals.IsDefault ? [] : snapshot.Referrals);
    }
}
