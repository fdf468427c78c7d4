using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// A month-end run's sink that accrues the run straight into a <see cref="CommissionLedger"/> as its lines stream: each
/// order's contiguous lines are joined to their order line, rule and beneficiary through the run's
/// <see cref="CommissionRunContext"/> and accrued as a whole, exactly as <see cref="CommissionLedger.Accrue(OrderCommission, DateTimeOffset)"/>
/// accrues the calculator's result for the order — no second calculation, and no line held beyond its block.
/// Made by <see cref="CommissionLedger.AccrueRun"/>; one instance accrues one run.
/// </summary>
/// <remarks>
/// Each order is accrued on its own: when the ledger refuses one (it is already accrued with another result,
/// <see cref="CommissionErrorCodes.OrderLineAccrued"/>), the exception stops the run, and the orders before it stay
/// accrued, their events handed over. Running the same run again accrues nothing twice, so a stopped run can be run again.
/// </remarks>
public sealed class CommissionRunAccrual : ICommissionRunSink
{
    private readonly CommissionLedger _ledger;
    private readonly DateTimeOffset _paidAt;
    private readonly Action<ImmutableArray<IDomainEvent>>? _store;
    private readonly List<IDomainEvent> _events = [];
    private readonly List<AccrualLine> _lines = [];
    private CommissionRunContext? _context;

    internal CommissionRunAccrual(CommissionLedger ledger, DateTimeOffset paidAt, Action<ImmutableArray<IDomainEvent>>? store)
    {
        _ledger = ledger;
        _paidAt = paidAt;
        _store = store;
    }

    /// <summary>The run's context, once the run began; <see langword="null"/> before.</summary>
    public CommissionRunContext? Context => _context;

    /// <summary>The events accrued so far, in order, when no store was given; empty otherwise (the store received them).</summary>
    public IReadOnlyList<IDomainEvent> Events => _events;

    /// <summary>Orders whose lines were newly entered into the ledger.</summary>
    public int OrdersAccrued { get; private set; }

    /// <summary>Commission lines newly entered into the ledger (lines of zero amount are never entered).</summary>
    public long LinesAccrued { get; private set; }

    /// <summary>Takes the run's context; the ledger needs the orders themselves, so a run over an <see cref="OrderBatch"/> is refused.</summary>
    /// <param name="context">The run's context.</param>
    /// <exception cref="CommissionException">
    /// The run was over an <see cref="OrderBatch"/>, which has no order line ids or amounts paid (<see cref="CommissionErrorCodes.InvalidRequest"/>),
    /// or the sink already accrued another run (<see cref="CommissionErrorCodes.InvalidRequest"/>).
    /// </exception>
    /// <exception cref="CurrencyMismatchException">The plan pays in another currency than the ledger keeps.</exception>
    public void Begin(CommissionRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_context is not null)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, "This run accrual already accrued a run; ask the ledger for a new one (AccrueRun) for each run.");
        }

        if (!context.HasOrders)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"A run of plan '{context.Plan.Name}' over an order batch has no order line ids or amounts paid; the ledger accrues runs given their orders (CommissionRun.Execute).");
        }

        _ledger.CheckCurrency(context.Plan.Currency, "accrue a month-end run");
        _context = context;
    }

    /// <summary>Accrues the block's orders, one at a time.</summary>
    /// <param name="lines">The next block of the run's lines: whole orders, each order's lines contiguous.</param>
    /// <exception cref="InvalidOperationException">The run did not begin (<see cref="Begin"/>) first.</exception>
    /// <exception cref="CommissionException">An order line is already accrued with another result (<see cref="CommissionErrorCodes.OrderLineAccrued"/>), or refunds recorded before it exceed its amount paid (<see cref="CommissionErrorCodes.RefundExceedsPaid"/>).</exception>
    public void Write(ReadOnlySpan<CommissionRunLine> lines)
    {
        var context = _context ?? throw new InvalidOperationException("The run accrual was given lines before the run began; pass it to CommissionRun.Execute as the sink.");
        var start = 0;
        for (var i = 1; i <= lines.Length; i++)
        {
            if (i == lines.Length || lines[i].Order != lines[start].Order)
            {
                AccrueOrder(context, lines[start..i]);
                start = i;
            }
        }
    }

    private void AccrueOrder(CommissionRunContext context, ReadOnlySpan<CommissionRunLine> lines)
    {
        var order = context.OrderAt(lines[0].Order)!;
        _lines.Clear();
        foreach (ref readonly var line in lines)
        {
            if (line.Amount > 0)
            {
                var key = new CommissionKey(order.OrderLineId, context.BeneficiaryOf(line), context.RuleOf(line));
                _lines.Add(new AccrualLine(key, line.Kind == Plans.CommissionRuleKind.Level ? line.Ordinal : 0, line.Amount));
            }
        }

        var events = _ledger.AccrueOrderLine(order.OrderLineId, order.AmountPaid.MinorUnits, order.PaidAt ?? _paidAt, _lines);
        if (events.IsEmpty)
        {
            return;
        }

        OrdersAccrued++;
        LinesAccrued += _lines.Count;
        if (_store is not null)
        {
            _store(events);
        }
        else
        {
            _events.AddRange(events);
        }
    }
}
