using CommunityModel.Commissions;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Orleans.Directory;
using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Storage;
using CommunityModel.Persistence;
using CommunityModel.Referrals;

namespace CommunityModel.Orleans.Orders;

/// <summary>
/// An order's grain: its stream (<c>order-{id}</c>) holds <see cref="OrderPaid"/> with the attribution, the ledger events
/// of its one line (accruals, refunds, reversals) and how far they were delivered (<see cref="FollowUpsDelivered"/>).
/// </summary>
internal sealed class OrderGrain(IEventStore store, CommunityClusterOptions options, CommissionCalculator calculator) : Grain, IOrderGrain
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);
    private readonly List<IDomainEvent> _followUps = [];
    private readonly List<(string Id, Money Amount)> _refunds = [];
    private EventStream _stream = null!;
    private CommissionLedger _ledger = null!;
    private OrderPaid? _paid;

    // The buyer deciding an order under this id before it is paid (0: none). Kept in memory: the payment that follows
    // a committed decision is the durable record, and a claimant that crashes before committing leaves nothing to pay.
    private long _claimant;
    private int _delivered;
    private IGrainTimer? _retry;

    private string OrderId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"order-{OrderId}");
        _ledger = new CommissionLedger(options.Ledger, options.Clock);
        await _stream.ReadAsync(0, e => Apply(e, applied: false), cancellationToken);
        if (_delivered < _followUps.Count)
        {
            ScheduleRetry();
        }
    }

    public async Task<OrderReceipt> Pay(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var amount = Money.FromMinorUnits(request.Amount, options.Ledger.Currency);
        if (_paid is { } paid)
        {
            if (paid.Buyer.Value != request.Buyer || paid.Amount != amount || paid.ProductId != request.ProductId || paid.Kind != (request.Kind ?? nameof(OrderKind.Product)) || paid.Period != request.Period || paid.AtMonthEnd != request.AtMonthEnd)
            {
                throw new ArgumentException($"Order '{OrderId}' was paid by member {paid.Buyer} for {paid.Amount}; an order id names one order.", nameof(request));
            }

            return Receipt(isRepeat: true, await DeliverWithRetries());
        }

        if (!amount.IsPositive || string.IsNullOrEmpty(request.Period))
        {
            throw new ArgumentException($"Order '{OrderId}' needs a positive amount and a period; it has {amount} in '{request.Period}'.", nameof(request));
        }

        var kind = request.Kind is null ? OrderKind.Product
            : Enum.TryParse<OrderKind>(request.Kind, ignoreCase: false, out var named) && Enum.IsDefined(named) && !int.TryParse(request.Kind, out _) ? named
            : throw new ArgumentException($"Order '{OrderId}' is of kind '{request.Kind}'; a payment names an order kind ({string.Join(", ", Enum.GetNames<OrderKind>())}), and a sale within a play is placed by its buyer (PlaceOrder with the play).", nameof(request));
        if (ClaimFor(request.Buyer) != request.Buyer)
        {
            throw new ArgumentException($"Order '{OrderId}' is being placed by member {_claimant}; an order id names one order.", nameof(request));
        }

        var upline = await GatherUpline(request.Buyer);
        var now = options.Clock.GetUtcNow();
        var order = new CommunityOrder(OrderId, request.Buyer, kind, request.ProductId ?? "", "", amount, Money.Zero(amount.Currency), now);
        var paidEvent = new OrderPaid(OrderId, request.Buyer, amount, request.ProductId, kind.ToString(), request.Period, request.AtMonthEnd, [.. upline], now) { Order = order };
        if (request.AtMonthEnd)
        {
            await GrainFactory.GetGrain<IPeriodOrdersGrain>(request.Period).List(OrderId);
        }

        await GrainFactory.GetGrain<IMemberGrain>(request.Buyer).LockReferral();
        List<IDomainEvent> events = [paidEvent];
        if (!request.AtMonthEnd)
        {
            var commission = calculator.Calculate(options.Roles.CommissionableOrderOf(order), Roster(upline));
            events.AddRange(_ledger.Accrue(commission, now));
        }

        await CommitAsync(events, ledgerApplied: true);
        return Receipt(isRepeat: false, await DeliverWithRetries());
    }

    public async Task<OrderReceipt> Paid(CommunityOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.OrderId != OrderId)
        {
            throw new ArgumentException($"The order is '{order.OrderId}', not '{OrderId}'.", nameof(order));
        }

        if (_paid is { } paid)
        {
            if (paid.Buyer != order.Member || paid.Amount != order.Paid)
            {
                throw new ArgumentException($"Order '{OrderId}' was paid by member {paid.Buyer} for {paid.Amount}; an order id names one order.", nameof(order));
            }

            return Receipt(isRepeat: true, await DeliverWithRetries());
        }

        // A committed decision is the record: it holds the id from here on, whoever claimed it last.
        _claimant = order.Member.Value;
        var upline = await GatherUpline(order.Member.Value);
        var line = options.Roles.CommissionableOrderOf(order); // the one conversion: a play sale is of its play's kind, the care team pays the plan's roles
        var paidEvent = new OrderPaid(OrderId, order.Member, order.Paid, order.ProductId, line.Kind, order.PaidAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), false, [.. upline], order.PaidAt)
        {
            LadderTier = order.LadderTier,
            Order = order,
        };
        List<IDomainEvent> events = [paidEvent, .. _ledger.Accrue(calculator.Calculate(line, Roster(upline)), order.PaidAt)];
        await CommitAsync(events, ledgerApplied: true);
        return Receipt(isRepeat: false, await DeliverWithRetries());
    }

    public Task<long> Claim(long buyer) => Task.FromResult(ClaimFor(buyer));

    // Synchronous, so atomic on the grain's scheduler even when it interleaves with a payment gathering its upline.
    private long ClaimFor(long buyer)
    {
        if (_paid is { } paid)
        {
            return paid.Buyer.Value;
        }

        if (_claimant == 0)
        {
            _claimant = buyer;
        }

        return _claimant;
    }

    public Task Release(long buyer)
    {
        if (_paid is null && _claimant == buyer)
        {
            _claimant = 0;
        }

        return Task.CompletedTask;
    }

    public async Task<RefundReceipt> Refund(string refundId, long amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        var money = Money.FromMinorUnits(amount, options.Ledger.Currency);
        if (_paid is null)
        {
            return Refused(CommissionErrorCodes.UnknownOrderLine, $"Order '{OrderId}' was never paid.", "orderId");
        }

        var known = _refunds.FindIndex(r => r.Id == refundId);
        if (known < 0 && Refunded() + money.MinorUnits > _paid.Amount.MinorUnits)
        {
            return Refused(CommissionErrorCodes.RefundExceedsPaid, $"Refund '{refundId}' of {money} would bring refunds of order '{OrderId}' over the {_paid.Amount} paid.", "amount");
        }

        RefundResult result;
        try
        {
            result = _ledger.Refund(OrderId, refundId, money);
        }
        catch (CommissionException e)
        {
            return new RefundReceipt("Refused", 0, RefusalText.From(e.Refusals[0]));
        }

        await CommitAsync(result.Events, ledgerApplied: true);
        await DeliverWithRetries();
        return new RefundReceipt(result.Outcome.ToString(), result.Reversed.MinorUnits, null);
    }

    public Task<CommunityOrder?> ExportForMonthEnd() => Task.FromResult(_paid is { AtMonthEnd: true } p ? OrderOf(p) : null);

    // The community order of a payment; a payment stored before it carried one is read back from its fields.
    private static CommunityOrder OrderOf(OrderPaid paid) =>
        paid.Order ?? new CommunityOrder(paid.OrderId, paid.Buyer, Enum.TryParse<OrderKind>(paid.Kind, out var kind) ? kind : OrderKind.Product, paid.ProductId ?? "", paid.LadderTier ?? "", paid.Amount, Money.Zero(paid.Amount.Currency), paid.OccurredAt);

    public async Task<int> AccrueMonthEnd(CommissionAccrued[] accruals)
    {
        ArgumentNullException.ThrowIfNull(accruals);
        if (_paid is not { AtMonthEnd: true })
        {
            throw new ArgumentException($"Order '{OrderId}' is not paid and settled at month-end.", nameof(accruals));
        }

        if (accruals.Length == 0 || _ledger.HasOrderLine(OrderId))
        {
            await DeliverWithRetries();
            return 0;
        }

        if (accruals.FirstOrDefault(a => a.Key.OrderLineId != OrderId) is { } foreign)
        {
            throw new ArgumentException($"Commission {foreign.Key} is not of order '{OrderId}'.", nameof(accruals));
        }

        // Refunds recorded before the run are reversed as if they came after it: a scratch ledger holding the run's
        // accruals takes the refunds in the order recorded and says what each reverses.
        var scratch = new CommissionLedger(options.Ledger, options.Clock);
        foreach (var accrual in accruals)
        {
            scratch.Apply(accrual);
        }

        List<IDomainEvent> events = [.. accruals];
        foreach (var (id, amount) in _refunds)
        {
            events.AddRange(scratch.Refund(OrderId, id, amount).Events.OfType<CommissionReversed>());
        }

        await CommitAsync(events, ledgerApplied: false);
        await DeliverWithRetries();
        return events.Count;
    }

    public Task<int> DeliverFollowUps() => Deliver();

    private static RefundReceipt Refused(string code, string message, string field) => new("Refused", 0, new RefusalText(code, message, field));

    // The attribution as the calculator reads it: the upline alone, with the statuses it had at payment.
    private static EarnerRoster Roster(IReadOnlyList<UplineMember> upline)
    {
        var network = NetworkSnapshot.Create([.. upline.Select(m => new ReferralLink(m.Member, m.Sponsor))]);
        return EarnerRoster.Create(network, upline.Where(m => m.Status != EarnerStatus.None).Select(m => KeyValuePair.Create(m.Member, m.Status)));
    }

    private long Refunded() => _refunds.Sum(r => r.Amount.MinorUnits);

    private OrderReceipt Receipt(bool isRepeat, int undelivered)
    {
        var accrued = _followUps.OfType<CommissionAccrued>().ToArray();
        return new OrderReceipt(OrderId, isRepeat, accrued.Sum(a => a.Amount.MinorUnits), accrued.Length, undelivered);
    }

    // The buyer, then its sponsors up to the top, read from their grains one by one.
    private async Task<List<UplineMember>> GatherUpline(long buyer)
    {
        var upline = new List<UplineMember>();
        var seen = new HashSet<long>();
        for (var current = buyer; current != 0 && seen.Add(current);)
        {
            var node = await GrainFactory.GetGrain<IMemberGrain>(current).GetNode();
            if (!node.Registered)
            {
                if (current == buyer)
                {
                    throw new ArgumentException($"Member {buyer} is not registered; only members buy.", nameof(buyer));
                }

                break;
            }

            upline.Add(new UplineMember(current, MemberKey.Of(node.Sponsor), (EarnerStatus)node.Status));
            current = node.Sponsor;
        }

        // The walk stopped short of a root (a sponsor not registered): the top of what was gathered stands as one.
        if (upline.Count > 0 && !upline[^1].Sponsor.IsEmpty)
        {
            upline[^1] = upline[^1] with { Sponsor = default };
        }

        return upline;
    }

    private async Task<int> DeliverWithRetries()
    {
        for (var attempt = 0; ; attempt++)
        {
            var pending = await Deliver();
            if (pending == 0 || attempt == 2)
            {
                if (pending > 0)
                {
                    ScheduleRetry();
                }

                return pending;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 << attempt));
        }
    }

    // Sends what is not delivered yet to the earners' grains, each member's share in order, then records how far it got.
    private async Task<int> Deliver()
    {
        var total = _followUps.Count;
        if (_delivered >= total)
        {
            return 0;
        }

        var byEarner = _followUps.Skip(_delivered)
            .GroupBy(e => e switch { CommissionAccrued a => a.Key.Beneficiary, CommissionReversed r => r.Key.Beneficiary, _ => default })
            .ToArray();
        try
        {
            await Task.WhenAll(byEarner.Select(g => GrainFactory.GetGrain<IMemberGrain>(g.Key.Value).ReceiveCommissions([.. g])));
            await CommitAsync([new FollowUpsDelivered(total, options.Clock.GetUtcNow())], ledgerApplied: false);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            return total - _delivered;
        }

        _retry?.Dispose();
        _retry = null;
        return total - _delivered;
    }

    private void ScheduleRetry() =>
        _retry ??= this.RegisterGrainTimer(_ => Deliver(), RetryEvery, RetryEvery);

    private async Task CommitAsync(IReadOnlyList<IDomainEvent> events, bool ledgerApplied)
    {
        try
        {
            await _stream.AppendAsync(events);
        }
        catch (Exception)
        {
            DeactivateOnIdle();
            throw;
        }

        foreach (var e in events)
        {
            Apply(e, ledgerApplied);
        }
    }

    private void Apply(IDomainEvent e, bool applied)
    {
        switch (e)
        {
            case OrderPaid paid:
                _paid = paid;
                return;
            case FollowUpsDelivered delivered:
                _delivered = delivered.Count;
                return;
            case RefundRecorded refund:
                _refunds.Add((refund.RefundId, refund.Amount));
                break;
            case CommissionAccrued or CommissionReversed:
                _followUps.Add(e);
                break;
        }

        if (!applied)
        {
            _ledger.Apply(e);
        }
    }
}
