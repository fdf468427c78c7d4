using System.Collections.Immutable;
using CommunityModel.Commissions;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Orleans.Directory;
using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Orleans.Storage;
using CommunityModel.Persistence;
using CommunityModel.Referrals;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Orleans.Members;

/// <summary>
/// A member's grain: its stream (<c>member-{id}</c>) holds its registration, bindings and lock, its earner status events
/// and its commission account's events; the account is a <see cref="CommissionLedger"/> fed only what concerns the member.
/// </summary>
internal sealed class MemberGrain(IEventStore store, CommunityClusterOptions options, TimeProvider clock, IServiceProvider services) : Grain, IMemberGrain
{
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
        _ledger = new CommissionLedger(options.Ledger, clock);
        if (_snapshots is not null && await _snapshots.LoadAsync(_stream.Id, cancellationToken) is { } snapshot)
        {
            Restore(snapshot.State);
            _snapshotVersion = snapshot.Version;
        }

        await _stream.ReadAsync(_snapshotVersion, Apply, cancellationToken);
    }

    public async Task<CommandOutcome> Register(long sponsor)
    {
        if (_registered)
        {
            return _sponsor.Value == sponsor || _bindings.Count > 0
                ? CommandOutcome.Accept(isRepeat: true)
                : CommandOutcome.Refuse([new(ErrorCodes.ReferralDuplicateMember, $"Member {Id} is already registered.", "member")]);
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

        var network = ReferralNetwork.Restore(new ReferralNetworkSnapshot([.. nodes], [], [.. promoters], 0), options.Referrals, clock);
        try
        {
            var registered = network.Register(Id, MemberKey.Of(sponsor));
            await CommitAsync([registered]);
            return CommandOutcome.Accept();
        }
        catch (ReferralException e)
        {
            return CommandOutcome.Refuse(e.Refusals);
        }
    }

    public Task<MemberNode> GetNode() => Task.FromResult(Node());

    public Task<SponsorChange[]> GetBindings() => Task.FromResult(_bindings.ToArray());

    public async Task<CommandOutcome> Bind(long sponsor)
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

        var network = ReferralNetwork.Restore(new ReferralNetworkSnapshot([.. nodes.Values], [], [.. promoters], 0), options.Referrals, clock);
        var attempt = network.TryBind(Id, MemberKey.Of(sponsor));
        if (!attempt.Succeeded)
        {
            return CommandOutcome.Refuse(attempt.Refusals);
        }

        await CommitAsync([attempt.Value]);
        return CommandOutcome.Accept();
    }

    public async Task LockReferral()
    {
        if (_registered && !_locked)
        {
            await CommitAsync([new ReferralLocked(Id, clock.GetUtcNow())]);
        }
    }

    public async Task RecordEarnerEvent(IDomainEvent domainEvent)
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

    public async Task<int> ReceiveCommissions(IDomainEvent[] followUps)
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
        var check = CommissionLedger.Restore(_ledger.ToSnapshot(), options.Ledger, clock);
        foreach (var e in fresh)
        {
            check.Apply(e);
        }

        await CommitAsync(fresh);
        return fresh.Count;
    }

    public async Task<CommandOutcome> RequestWithdrawal(string withdrawalId, long amount)
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

    private async Task<CommandOutcome> Settle(Func<IDomainEvent> decide)
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
            _ledger = CommissionLedger.Restore(before, options.Ledger, clock);
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
        switch (e)
        {
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
        new(_registered, _sponsor, _registeredAt, _boundAt, _locked, _status, [.. _bindings], _ledger.ToSnapshot(), [.. _reversals]);

    private void Restore(MemberGrainSnapshot snapshot)
    {
        (_registered, _sponsor, _registeredAt, _boundAt, _locked, _status) =
            (snapshot.Registered, snapshot.Sponsor, snapshot.RegisteredAt, snapshot.BoundAt, snapshot.Locked, snapshot.Status);
        _bindings.AddRange(snapshot.Bindings.IsDefault ? [] : snapshot.Bindings);
        _ledger = CommissionLedger.Restore(snapshot.Ledger, options.Ledger, clock);
        foreach (var entry in snapshot.Ledger.Entries.IsDefault ? [] : snapshot.Ledger.Entries)
        {
            _accrued.Add(entry.Key);
        }

        _reversals.UnionWith(snapshot.Reversals.IsDefault ? [] : snapshot.Reversals);
    }
}
