using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Run;
using CommunityModel.Orleans.Directory;
using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Orders;
using CommunityModel.Orleans.Storage;
using CommunityModel.Persistence;
using CommunityModel.Referrals;

namespace CommunityModel.Orleans.MonthEnd;

/// <summary>A month-end run; its stream (<c>month-end-{key}</c>) holds the run's accruals, then <see cref="MonthEndComputed"/>, then delivery progress.</summary>
internal sealed class MonthEndGrain(IEventStore store, CommunityClusterOptions options) : Grain, IMonthEndGrain
{
    private readonly List<CommissionAccrued> _accruals = [];
    private EventStream _stream = null!;
    private MonthEndComputed? _computed;
    private int _delivered;

    // The key is the period, optionally followed by '#' and a run label.
    private string Period => this.GetPrimaryKeyString().Split('#')[0];

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"month-end-{this.GetPrimaryKeyString()}");
        return _stream.ReadAsync(0, Apply, cancellationToken);
    }

    public async Task<MonthEndReport> Run()
    {
        if (_computed is null)
        {
            await Compute();
        }

        // Each order's accruals, in the order the run produced them; delivered in groups, progress stored after each.
        var byOrder = _accruals.GroupBy(a => a.Key.OrderLineId).Select(g => g.ToArray()).ToArray();
        while (_delivered < byOrder.Length)
        {
            var batch = byOrder.Skip(_delivered).Take(options.MonthEndFanOut).ToArray();
            await Task.WhenAll(batch.Select(accruals => GrainFactory.GetGrain<IOrderGrain>(accruals[0].Key.OrderLineId).AccrueMonthEnd(accruals)));
            var delivered = _delivered + batch.Length;
            await _stream.AppendAsync([new FollowUpsDelivered(delivered, options.Clock.GetUtcNow())]);
            _delivered = delivered;
        }

        return Report();
    }

    public Task<MonthEndReport> GetProgress() => Task.FromResult(Report());

    private MonthEndReport Report() =>
        new(Period, _computed?.Orders ?? 0, _accruals.Count, _computed?.TotalPaid.MinorUnits ?? 0, _delivered, RuntimeIdentity);

    private async Task Compute()
    {
        // The period's orders and the whole network, exported from grain state.
        var orderIds = await GrainFactory.GetGrain<IPeriodOrdersGrain>(Period).Orders();
        var orders = (await InBatches(orderIds, id => GrainFactory.GetGrain<IOrderGrain>(id).ExportForMonthEnd())).OfType<CommunityOrder>().ToArray();
        var members = (await Task.WhenAll(Enumerable.Range(0, options.DirectoryPartitions).Select(p => GrainFactory.GetGrain<IMemberDirectoryGrain>(p).Members()))).SelectMany(m => m).ToArray();
        var nodes = (await InBatches(members, m => GrainFactory.GetGrain<IMemberGrain>(m).GetNode())).Where(n => n.Registered).ToArray();
        var registered = nodes.Select(n => n.Member).ToHashSet();
        var network = NetworkSnapshot.Create([.. nodes.Select(n => new ReferralLink(n.Member, registered.Contains(n.Sponsor) ? MemberKey.Of(n.Sponsor) : default))]);
        var roster = EarnerRoster.Create(network, nodes.Where(n => n.Status != 0).Select(n => KeyValuePair.Create(new MemberId(n.Member), (EarnerStatus)n.Status)));

        // The library's batch engine, accruing into a ledger of this run alone: its events are what the run pays.
        var currency = options.Ledger.Currency;
        var commissionable = orders.Select(options.Roles.CommissionableOrderOf); // the one conversion, as at checkout: kinds and roles alike
        var ledger = new CommissionLedger(options.Ledger, options.Clock);
        var sink = ledger.AccrueRun(options.Clock.GetUtcNow());
        new CommissionRun(options.Plan!).Execute(roster, commissionable, sink: sink);
        var accruals = sink.Events.OfType<CommissionAccrued>().ToArray();
        var total = Money.FromMinorUnits(accruals.Sum(a => a.Amount.MinorUnits), currency);
        var computed = new MonthEndComputed(Period, accruals.Select(a => a.Key.OrderLineId).Distinct().Count(), accruals.Length, total, options.Clock.GetUtcNow());
        await _stream.AppendAsync([.. accruals, computed]);
        _accruals.AddRange(accruals);
        _computed = computed;
    }

    private async Task<List<TResult>> InBatches<TKey, TResult>(IReadOnlyList<TKey> keys, Func<TKey, Task<TResult>> read)
    {
        var results = new List<TResult>(keys.Count);
        for (var i = 0; i < keys.Count; i += options.MonthEndFanOut * 16)
        {
            results.AddRange(await Task.WhenAll(keys.Skip(i).Take(options.MonthEndFanOut * 16).Select(read)));
        }

        return results;
    }

    private void Apply(IDomainEvent e)
    {
        switch (e)
        {
            case CommissionAccrued a:
                _accruals.Add(a);
                break;
            case MonthEndComputed c:
                _computed = c;
                break;
            case FollowUpsDelivered d:
                _delivered = d.Count;
                break;
        }
    }
}
