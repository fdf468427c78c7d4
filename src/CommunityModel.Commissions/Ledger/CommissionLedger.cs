using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Telemetry;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// The commission ledger: each order line's commission accrued once, as a whole (entries keyed by order line,
/// beneficiary and rule), from the calculator's results or straight from a month-end run; settled from pending to
/// available after a freeze period; reversed in proportion to refunds, whether they come before or after the accrual;
/// and drawn by withdrawals that never exceed the available balance. Every change is returned as an event;
/// <see cref="Replay"/> rebuilds every balance from them.
/// </summary>
/// <remarks>
/// Thread-safe: each operation checks and applies under one lock, so two withdrawals requested at once
/// can never together exceed the balance. A refused operation changes nothing.
/// </remarks>
public sealed class CommissionLedger
{
    private readonly Dictionary<CommissionKey, Entry> _entries = [];
    private readonly Dictionary<string, OrderLine> _orderLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Withdrawal> _withdrawals = new(StringComparer.Ordinal);
    private readonly List<Withdrawal> _withdrawalsInOrder = [];
    private readonly Dictionary<MemberId, Account> _accounts = [];
    private readonly LedgerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private int _applied;

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="options">Freeze period, currency and withdrawal rules.</param>
    /// <param name="timeProvider">The clock that stamps events and ends freeze periods.</param>
    public CommissionLedger(LedgerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>Rebuilds a ledger from its stored events, in the order they occurred.</summary>
    /// <param name="events">The events a ledger returned.</param>
    /// <param name="options">The ledger options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The ledger as it was after the last event.</returns>
    /// <exception cref="ReplayException">An event does not fit the ledger rebuilt so far; its <see cref="ReplayException.Index"/> is the event's position in <paramref name="events"/>.</exception>
    public static CommissionLedger Replay(IEnumerable<IDomainEvent> events, LedgerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var activity = CommissionsTelemetry.Source.StartActivity("CommissionLedger.Replay");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ledger = new CommissionLedger(options, timeProvider);
        var index = 0;
        foreach (var e in events)
        {
            ledger.ApplyAt(e, index++);
        }

        CommissionsTelemetry.Replayed(index, started, activity);
        return ledger;
    }

    /// <summary>Rebuilds a ledger from its snapshot; apply the events after it with <see cref="Apply"/>.</summary>
    /// <param name="snapshot">A snapshot from <see cref="ToSnapshot"/>.</param>
    /// <param name="options">The ledger options; their currency must be the snapshot's.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The ledger as it was when the snapshot was taken.</returns>
    /// <exception cref="CommissionException">
    /// The snapshot is in another currency than <paramref name="options"/>, or contradicts itself: a commission, order line or
    /// withdrawal twice, a commission of an order line not accrued, more reversed than accrued, a negative amount
    /// (code <see cref="CommissionErrorCodes.InvalidLedgerSnapshot"/>; every problem is named). Nothing is restored.
    /// </exception>
    public static CommissionLedger Restore(LedgerSnapshot snapshot, LedgerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var ledger = new CommissionLedger(options, timeProvider);
        var problems = new List<string>();
        var currency = options.Currency;
        if (snapshot.Currency != currency)
        {
            problems.Add($"it is kept in {snapshot.Currency.Code}, the ledger keeps {currency.Code}");
        }

        foreach (var line in snapshot.OrderLines.IsDefault ? [] : snapshot.OrderLines)
        {
            var restored = new OrderLine { AmountPaid = line.AmountPaid?.MinorUnits };
            if (string.IsNullOrEmpty(line.OrderLineId) || !ledger._orderLines.TryAdd(line.OrderLineId, restored))
            {
                problems.Add($"order line '{line.OrderLineId}' is empty or appears twice");
            }

            foreach (var refund in line.Refunds.IsDefault ? [] : line.Refunds)
            {
                if (refund.Amount.Currency != currency || !refund.Amount.IsPositive || !restored.Refunds.TryAdd(refund.RefundId, refund.Amount.MinorUnits))
                {
                    problems.Add($"refund '{refund.RefundId}' of {refund.Amount} of order line '{line.OrderLineId}' is not positive in {currency.Code} or appears twice");
                }

                restored.Refunded += refund.Amount.MinorUnits;
            }
        }

        foreach (var entry in snapshot.Entries.IsDefault ? [] : snapshot.Entries)
        {
            if (entry.Amount.Currency != currency || entry.Reversed.Currency != currency || entry.Amount.IsNegative || entry.Reversed.IsNegative || entry.Reversed > entry.Amount)
            {
                problems.Add($"commission {entry.Key} of {entry.Amount} with {entry.Reversed} reversed is not in {currency.Code}, negative, or reversed beyond its amount");
            }

            if (!ledger._orderLines.TryGetValue(entry.Key.OrderLineId ?? "", out var line) || !line.IsAccrued)
            {
                problems.Add($"commission {entry.Key} belongs to an order line the snapshot does not hold as accrued");
            }
            else if (!ledger._entries.TryAdd(entry.Key, new Entry(entry.Level, entry.Amount.MinorUnits, entry.AvailableAt) { Reversed = entry.Reversed.MinorUnits }))
            {
                problems.Add($"commission {entry.Key} appears twice");
            }
            else
            {
                line.Keys.Add(entry.Key);
                ledger.AccountOf(entry.Key.Beneficiary).Keys.Add(entry.Key);
            }
        }

        foreach (var account in snapshot.Accounts.IsDefault ? [] : snapshot.Accounts)
        {
            if (account.Withdrawing.Currency != currency || account.PaidOut.Currency != currency || account.FeesPaid.Currency != currency)
            {
                problems.Add($"the account of member {account.Member} is not in {currency.Code}");
            }

            var restored = ledger.AccountOf(account.Member);
            (restored.Withdrawing, restored.PaidOut, restored.FeesPaid) = (account.Withdrawing.MinorUnits, account.PaidOut.MinorUnits, account.FeesPaid.MinorUnits);
        }

        foreach (var withdrawal in snapshot.Withdrawals.IsDefault ? [] : snapshot.Withdrawals)
        {
            if (withdrawal.Request is not { } request || !ledger._withdrawals.TryAdd(request.WithdrawalId, new Withdrawal(request) { Settled = withdrawal.Settled }))
            {
                problems.Add($"withdrawal '{withdrawal.Request?.WithdrawalId}' is missing its request or appears twice");
                continue;
            }

            var restored = ledger._withdrawals[request.WithdrawalId];

            ledger._withdrawalsInOrder.Add(restored);
        }

        if (snapshot.EventCount < 0)
        {
            problems.Add($"it counts {snapshot.EventCount} events");
        }

        ledger._applied = snapshot.EventCount;
        return problems.Count == 0
            ? ledger
            : throw new CommissionException(CommissionErrorCodes.InvalidLedgerSnapshot, $"The ledger snapshot cannot be restored: {string.Join("; ", problems)}.");
    }

    /// <summary>Everything the ledger holds, as a record to store; <see cref="Restore"/> gives back a ledger with the same balances and entries.</summary>
    /// <returns>The snapshot.</returns>
    public LedgerSnapshot ToSnapshot()
    {
        lock (_gate)
        {
            return new(
                _options.Currency,
                [.. _entries.Select(e => new LedgerSnapshotEntry(e.Key, e.Value.Level, Of(e.Value.Amount), Of(e.Value.Reversed), e.Value.AvailableAt))],
                [.. _orderLines.Select(l => new LedgerSnapshotOrderLine(l.Key, l.Value.AmountPaid is { } paid ? Of(paid) : null, [.. l.Value.Refunds.Select(r => new LedgerSnapshotRefund(r.Key, Of(r.Value)))]))],
                [.. _accounts.Select(a => new LedgerSnapshotAccount(a.Key, Of(a.Value.Withdrawing), Of(a.Value.PaidOut), Of(a.Value.FeesPaid)))],
                [.. _withdrawalsInOrder.Select(w => new LedgerSnapshotWithdrawal(w.Request, w.Settled))],
                _applied);
        }
    }

    /// <summary>The options the ledger was created with.</summary>
    internal LedgerOptions Options => _options;

    /// <summary>The ledger's clock.</summary>
    internal TimeProvider Clock => _timeProvider;

    /// <summary>Whether the ledger holds commission for an order line (a refund of any other line waits for its accrual: <see cref="RefundOutcome.AwaitingAccrual"/>).</summary>
    /// <param name="orderLineId">The order line.</param>
    /// <returns><see langword="true"/> when at least one commission was accrued for it.</returns>
    public bool HasOrderLine(string orderLineId)
    {
        lock (_gate)
        {
            return _orderLines.TryGetValue(orderLineId, out var line) && line.IsAccrued;
        }
    }

    /// <summary>
    /// Accrues an order line's commission as a whole: every line whose amount is above zero is entered, pending until
    /// <paramref name="paidAt"/> plus the freeze period. Refunds of the line recorded before it (<see cref="RefundOutcome.AwaitingAccrual"/>)
    /// are applied at once: the events then include their <see cref="CommissionReversed"/>, netting exactly as if they had come after.
    /// </summary>
    /// <remarks>
    /// <para>
    /// An order line is accrued once. The identical result again (same lines, amounts and levels, same amount paid) is a
    /// no-op that returns no events, so an order processed twice is never paid twice. A different result for a line
    /// already accrued — re-paid after ranks changed, under another plan, with other amounts — is refused with
    /// <see cref="CommissionErrorCodes.OrderLineAccrued"/> rather than adjusted: the first accrual stands, and what it paid
    /// is taken back only by refunds. A different <paramref name="paidAt"/> alone does not make a result different.
    /// </para>
    /// <para>
    /// A result with no line above zero (no sponsor, an excluded product, lines the cap scaled to zero) enters nothing and
    /// returns no events, as a month-end run writes nothing for it (<see cref="AccrueRun"/>): a refund of such a line stays
    /// recorded, awaiting, harmlessly.
    /// </para>
    /// </remarks>
    /// <param name="commission">The calculator's result.</param>
    /// <param name="paidAt">When the order was paid; the freeze period starts then.</param>
    /// <returns>
    /// The events to store, in order: one <see cref="CommissionAccrued"/> per line entered, then the
    /// <see cref="CommissionReversed"/> of refunds recorded before; empty when the result was accrued already or pays nothing.
    /// </returns>
    /// <exception cref="CurrencyMismatchException">The commission is not in the ledger's currency.</exception>
    /// <exception cref="CommissionException">
    /// The order line is already accrued with another result (<see cref="CommissionErrorCodes.OrderLineAccrued"/>); two lines
    /// of the result share a key (<see cref="CommissionErrorCodes.IdConflict"/>); a line is negative (<see cref="CommissionErrorCodes.InvalidRequest"/>);
    /// or refunds recorded before the accrual exceed the amount paid (<see cref="CommissionErrorCodes.RefundExceedsPaid"/>). Nothing is entered.
    /// </exception>
    public ImmutableArray<IDomainEvent> Accrue(OrderCommission commission, DateTimeOffset paidAt)
    {
        ArgumentNullException.ThrowIfNull(commission);
        CheckCurrency(commission.Base.Currency, "accrue commission");
        CheckCurrency(commission.AmountPaid.Currency, "accrue commission");

        var lines = new List<AccrualLine>(commission.Lines.Length);
        foreach (var line in commission.Lines)
        {
            if (line.Amount.IsNegative || line.Amount.Currency != _options.Currency)
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Commission {line.Key} of {line.Amount} is negative or not in {_options.Currency.Code}.");
            }

            if (line.Amount.IsPositive)
            {
                lines.Add(new AccrualLine(line.Key, line.Level, line.Amount.MinorUnits));
            }
        }

        return AccrueOrderLine(commission.OrderLineId, commission.AmountPaid.MinorUnits, paidAt, lines);
    }

    /// <summary>
    /// A sink for a month-end run that accrues its lines straight into this ledger as they stream, order by order, without a
    /// second calculation: pass it as the run's sink (<see cref="CommissionRun.Execute"/>). Each order is accrued exactly as
    /// <see cref="Accrue(OrderCommission, DateTimeOffset)"/> accrues the calculator's result for it, so running the same run
    /// twice accrues nothing the second time.
    /// </summary>
    /// <param name="paidAt">When orders without their own <see cref="CommissionableOrder.PaidAt"/> were paid; the freeze period starts then.</param>
    /// <param name="store">Receives each order's events as it is accrued, to store them; when <see langword="null"/> they are collected in <see cref="CommissionRunAccrual.Events"/>.</param>
    /// <returns>The sink.</returns>
    public CommissionRunAccrual AccrueRun(DateTimeOffset paidAt, Action<ImmutableArray<IDomainEvent>>? store = null) => new(this, paidAt, store);

    internal void CheckCurrency(Currency currency, string operation)
    {
        if (currency != _options.Currency)
        {
            throw new CurrencyMismatchException(_options.Currency, currency, operation);
        }
    }

    /// <summary>The one accrual of an order line, shared by the calculator's results and the month-end run.</summary>
    internal ImmutableArray<IDomainEvent> AccrueOrderLine(string orderLineId, long amountPaid, DateTimeOffset paidAt, IReadOnlyList<AccrualLine> lines)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderLineId);
        lock (_gate)
        {
            // Every condition is checked before anything is entered, so a refusal changes nothing. A result has a few
            // lines: a pairwise check of their keys allocates nothing, which matters when a whole run streams in.
            for (var i = 0; i < lines.Count; i++)
            {
                var key = lines[i].Key;
                var duplicate = false;
                for (var j = 0; j < i && !duplicate; j++)
                {
                    duplicate = lines[j].Key == key;
                }

                if (duplicate || key.OrderLineId != orderLineId)
                {
                    throw new CommissionException(CommissionErrorCodes.IdConflict, $"Commission {key} appears twice in the accrual of order line '{orderLineId}' or belongs to another order line.");
                }
            }

            _orderLines.TryGetValue(orderLineId, out var known);
            if (known is { IsAccrued: true })
            {
                return Difference(orderLineId, known, amountPaid, lines) is { } difference
                    ? throw new CommissionException(
                        CommissionErrorCodes.OrderLineAccrued,
                        $"Order line '{orderLineId}' is already accrued with {known.Keys.Count} line(s) on {Of(known.AmountPaid!.Value)} paid; this result differs ({difference}). An order line is accrued once, as a whole; take back what it paid with a refund.")
                    : [];
            }

            if (lines.Count == 0)
            {
                return [];
            }

            if (known is not null && known.Refunded > amountPaid)
            {
                throw new CommissionException(
                    CommissionErrorCodes.RefundExceedsPaid,
                    $"Refunds of order line '{orderLineId}' recorded before its accrual total {Of(known.Refunded)}, over the {Of(amountPaid)} paid; nothing is accrued.");
            }

            var now = _timeProvider.GetUtcNow();
            var events = ImmutableArray.CreateBuilder<IDomainEvent>(lines.Count);
            foreach (var line in lines)
            {
                var accrued = new CommissionAccrued(line.Key, line.Level, Of(line.Amount), Of(amountPaid), paidAt + _options.FreezePeriod, now);
                ApplyChecked(accrued);
                events.Add(accrued);
            }

            // Refunds that came first are reversed one by one, in the order recorded, exactly as if they had come now.
            var orderLine = _orderLines[orderLineId];
            long refunded = 0;
            foreach (var (refundId, amount) in orderLine.Refunds)
            {
                Reverse(orderLine, refundId, refunded, refunded + amount, now, events);
                refunded += amount;
            }

            return events.DrainToImmutable();
        }
    }

    /// <summary>
    /// Records a refund of an order line and reverses its commissions in proportion, exactly: after
    /// refunds totalling the amount paid, every commission of the line is reversed in full.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A refund id is unique per order line, so one refund spread over several lines keeps its one id
    /// (<c>Refund("o1", "r1", …)</c>, <c>Refund("o2", "r1", …)</c>). The same refund id and amount for the
    /// same line again changes nothing (<see cref="RefundOutcome.AlreadyRecorded"/>).
    /// </para>
    /// <para>
    /// A refund of an order line the ledger holds no commission for yet is recorded and kept
    /// (<see cref="RefundOutcome.AwaitingAccrual"/>): when the line is accrued, the accrual reverses it, exactly as if the
    /// refund had come after. The ledger does not know such a line's amount paid yet, so refunds over it are refused when
    /// the accrual arrives. A line that never earns (no sponsor, an excluded product) keeps its refund harmlessly, so an
    /// integrator may pass every refund through without checking <see cref="HasOrderLine"/> first.
    /// </para>
    /// </remarks>
    /// <param name="orderLineId">The order line refunded.</param>
    /// <param name="refundId">The integrator's refund id, unique per order line.</param>
    /// <param name="amount">The amount refunded to the buyer; positive, in the ledger's currency.</param>
    /// <returns>What happened and the <see cref="RefundRecorded"/> and <see cref="CommissionReversed"/> events to store.</returns>
    /// <exception cref="CommissionException">
    /// A non-positive amount or another currency (<see cref="CommissionErrorCodes.InvalidRequest"/>), refunds over
    /// the amount paid (<see cref="CommissionErrorCodes.RefundExceedsPaid"/>), or the refund id already recorded
    /// for the line with another amount (<see cref="CommissionErrorCodes.IdConflict"/>).
    /// </exception>
    public RefundResult Refund(string orderLineId, string refundId, Money amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderLineId);
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        if (!amount.IsPositive || amount.Currency != _options.Currency)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Refund '{refundId}' of {amount} is not a positive amount in {_options.Currency.Code}.");
        }

        lock (_gate)
        {
            var none = Money.Zero(_options.Currency);
            _orderLines.TryGetValue(orderLineId, out var line);
            if (line is not null && line.Refunds.TryGetValue(refundId, out var recordedAmount))
            {
                return recordedAmount == amount.MinorUnits
                    ? new RefundResult(RefundOutcome.AlreadyRecorded, [], none)
                    : throw new CommissionException(CommissionErrorCodes.IdConflict, $"Refund '{refundId}' of order line '{orderLineId}' is already recorded for {Of(recordedAmount)}, not {amount}.");
            }

            var refundedBefore = line?.Refunded ?? 0;
            var refunded = refundedBefore + amount.MinorUnits;
            if (line?.AmountPaid is { } paid && refunded > paid)
            {
                throw new CommissionException(
                    CommissionErrorCodes.RefundExceedsPaid,
                    $"Refund '{refundId}' of {amount} would bring refunds of order line '{orderLineId}' to {Of(refunded)}, over the {Of(paid)} paid.");
            }

            var now = _timeProvider.GetUtcNow();
            var events = ImmutableArray.CreateBuilder<IDomainEvent>();
            var recorded = new RefundRecorded(orderLineId, refundId, amount, now);
            events.Add(recorded);
            ApplyChecked(recorded);
            if (line is not { IsAccrued: true })
            {
                return new RefundResult(RefundOutcome.AwaitingAccrual, events.DrainToImmutable(), none);
            }

            var delta = Reverse(line, refundId, refundedBefore, refunded, now, events);
            return new RefundResult(RefundOutcome.Recorded, events.DrainToImmutable(), Of(delta));
        }
    }

    /// <summary>Requests a withdrawal, or returns every condition it does not meet (nothing changes then).</summary>
    /// <param name="withdrawalId">
    /// The integrator's id. Asking again with the same id, member and amount is a repeat: the attempt carries the
    /// original request, <see cref="AcceptedWithdrawal.IsRepeat"/> and no <see cref="AcceptedWithdrawal.Event"/> to store.
    /// The same id with another member or amount is refused (<see cref="CommissionErrorCodes.IdConflict"/>).
    /// </param>
    /// <param name="member">Who withdraws.</param>
    /// <param name="amount">The amount to take from the available balance.</param>
    /// <returns>
    /// The accepted request, or every unmet condition (field <c>withdrawalId</c> or <c>amount</c>);
    /// <see cref="Attempt{T}.GetValueOrThrow"/> throws a <see cref="WithdrawalRefusedException"/>.
    /// </returns>
    public Attempt<AcceptedWithdrawal> TryRequestWithdrawal(string withdrawalId, MemberId member, Money amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(withdrawalId);
        lock (_gate)
        {
            if (_withdrawals.TryGetValue(withdrawalId, out var existing))
            {
                return existing.Request.Member == member && existing.Request.Amount == amount
                    ? Attempt<AcceptedWithdrawal>.Success(new(existing.Request, IsRepeat: true))
                    : Refused(withdrawalId, member, [new(CommissionErrorCodes.IdConflict, $"Withdrawal id '{withdrawalId}' is already used for {existing.Request.Amount} by member {existing.Request.Member}.", "withdrawalId")]);
            }

            var refusals = ImmutableArray.CreateBuilder<Refusal>();
            if (amount.Currency != _options.Currency || !amount.IsPositive)
            {
                refusals.Add(new(CommissionErrorCodes.InvalidRequest, $"A withdrawal must be a positive amount in {_options.Currency.Code}; {amount} is not.", "amount"));
            }
            else if (amount < _options.MinimumWithdrawal)
            {
                refusals.Add(new(CommissionErrorCodes.WithdrawalBelowMinimum, $"{amount} is below the minimum withdrawal of {_options.MinimumWithdrawal}.", "amount"));
            }

            var available = Available(member, _timeProvider.GetUtcNow());
            if (available < 0)
            {
                refusals.Add(new(CommissionErrorCodes.InsufficientBalance, $"Member {member}'s available balance is {Of(available)} after refunds of commission already paid out; later earnings must cover it first.", "member"));
            }
            else if (amount.Currency == _options.Currency && amount.MinorUnits > available)
            {
                refusals.Add(new(CommissionErrorCodes.InsufficientBalance, $"{amount} exceeds member {member}'s available balance of {Of(available)}.", "amount"));
            }

            if (refusals.Count > 0)
            {
                return Refused(withdrawalId, member, refusals.ToImmutable());
            }

            var fee = amount.Multiply(_options.WithdrawalFee);
            var requested = new WithdrawalRequested(withdrawalId, member, amount, fee, _timeProvider.GetUtcNow());
            ApplyChecked(requested);
            return Attempt<AcceptedWithdrawal>.Success(new(requested, IsRepeat: false));
        }
    }

    /// <summary>Requests a withdrawal, or throws naming every unmet condition.</summary>
    /// <param name="withdrawalId">The integrator's id; the same id, member and amount again is a repeat (see <see cref="TryRequestWithdrawal"/>).</param>
    /// <param name="member">Who withdraws.</param>
    /// <param name="amount">The amount to take from the available balance.</param>
    /// <returns>The event to store; <see langword="null"/> for a repeat, which changes nothing and has nothing to store.</returns>
    /// <exception cref="WithdrawalRefusedException">
    /// Below the minimum, over the available balance, a negative balance, a bad amount, or the id used for another
    /// request; <see cref="CommunityModelException.Refusals"/> lists every unmet condition.
    /// </exception>
    public WithdrawalRequested? RequestWithdrawal(string withdrawalId, MemberId member, Money amount) =>
        TryRequestWithdrawal(withdrawalId, member, amount).GetValueOrThrow().Event;

    /// <summary>Marks a requested withdrawal as paid out.</summary>
    /// <param name="withdrawalId">A pending withdrawal.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CommissionException">The withdrawal is unknown (<see cref="CommissionErrorCodes.UnknownWithdrawal"/>) or already paid or rejected (<see cref="CommissionErrorCodes.WithdrawalSettled"/>).</exception>
    public WithdrawalPaid MarkWithdrawalPaid(string withdrawalId)
    {
        lock (_gate)
        {
            var paid = new WithdrawalPaid(withdrawalId, RequirePending(withdrawalId).Request.Member, _timeProvider.GetUtcNow());
            ApplyChecked(paid);
            return paid;
        }
    }

    /// <summary>Rejects a requested withdrawal; its amount returns to the available balance.</summary>
    /// <param name="withdrawalId">A pending withdrawal.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CommissionException">The withdrawal is unknown (<see cref="CommissionErrorCodes.UnknownWithdrawal"/>) or already paid or rejected (<see cref="CommissionErrorCodes.WithdrawalSettled"/>).</exception>
    public WithdrawalRejected RejectWithdrawal(string withdrawalId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            var rejected = new WithdrawalRejected(withdrawalId, RequirePending(withdrawalId).Request.Member, reason, _timeProvider.GetUtcNow());
            ApplyChecked(rejected);
            return rejected;
        }
    }

    /// <summary>A member's balance now (by the injected clock).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The balance; all zero for a member with no entries.</returns>
    public CommissionBalance BalanceOf(MemberId member)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            long pending = 0;
            var account = _accounts.GetValueOrDefault(member) ?? new Account();
            foreach (var key in account.Keys)
            {
                var entry = _entries[key];
                if (entry.AvailableAt > now)
                {
                    pending += entry.Net;
                }
            }

            return new CommissionBalance(member, Of(pending), Of(Available(member, now)), Of(account.Withdrawing), Of(account.PaidOut), Of(account.FeesPaid));
        }
    }

    /// <summary>
    /// A member's entries now, in the order they were accrued. Paid withdrawals settle available entries
    /// oldest first: an entry they cover in full is <see cref="LedgerEntryStatus.PaidOut"/>.
    /// </summary>
    /// <param name="member">The member.</param>
    /// <returns>The entries.</returns>
    public ImmutableArray<LedgerEntry> EntriesOf(MemberId member)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var account = _accounts.GetValueOrDefault(member) ?? new Account();
            var unsettledPayout = account.PaidOut;
            var entries = ImmutableArray.CreateBuilder<LedgerEntry>(account.Keys.Count);
            foreach (var key in account.Keys)
            {
                var e = _entries[key];
                LedgerEntryStatus status;
                if (e.Net == 0 && e.Reversed > 0)
                {
                    status = LedgerEntryStatus.Reversed;
                }
                else if (e.AvailableAt > now)
                {
                    status = LedgerEntryStatus.Pending;
                }
                else if (unsettledPayout >= e.Net)
                {
                    unsettledPayout -= e.Net;
                    status = LedgerEntryStatus.PaidOut;
                }
                else
                {
                    unsettledPayout = 0;
                    status = LedgerEntryStatus.Available;
                }

                entries.Add(new LedgerEntry(key, e.Level, Of(e.Amount), Of(e.Reversed), e.AvailableAt, status));
            }

            return entries.MoveToImmutable();
        }
    }

    /// <summary>The withdrawals requested and not yet paid or rejected, oldest first.</summary>
    /// <param name="member">Only this member's; <see langword="null"/> for everyone's.</param>
    /// <returns>The pending requests, in the order they were made.</returns>
    public ImmutableArray<WithdrawalRequested> PendingWithdrawals(MemberId? member = null)
    {
        lock (_gate)
        {
            var pending = ImmutableArray.CreateBuilder<WithdrawalRequested>();
            foreach (var w in _withdrawalsInOrder)
            {
                if (!w.Settled && (member is null || w.Request.Member == member.Value))
                {
                    pending.Add(w.Request);
                }
            }

            return pending.ToImmutable();
        }
    }

    /// <summary>Applies a stored event (replay), after checking that it fits. Events of other kinds are ignored.</summary>
    /// <param name="domainEvent">A ledger event.</param>
    /// <exception cref="ReplayException">
    /// The event does not fit (e.g. a withdrawal, commission or refund recorded twice, an accrual below the refunds
    /// recorded before it, a payment of an unknown withdrawal); the ledger is unchanged. A refund of an order line not
    /// accrued yet fits: it waits for the accrual.
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
                throw new ReplayException(CommissionErrorCodes.ReplayMismatch, index, domainEvent, problem);
            }

            Mutate(domainEvent);
        }
    }

    private static Attempt<AcceptedWithdrawal> Refused(string withdrawalId, MemberId member, ImmutableArray<Refusal> refusals)
    {
        CommissionsTelemetry.Refused(refusals);
        return Attempt<AcceptedWithdrawal>.Refused(refusals, r => new WithdrawalRefusedException(withdrawalId, member, r));
    }

    // Decisions apply only events they have just checked; the check still runs, as a guard against a bug.
    private void ApplyChecked(IDomainEvent domainEvent)
    {
        ApplyAt(domainEvent, _applied);
        CommissionsTelemetry.Decided(domainEvent);
    }

    // Why an event cannot be applied to the ledger as it is; null when it fits (or is not a ledger event).
    private string? ProblemWith(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CommissionAccrued e:
                if (e.Amount.Currency != _options.Currency || e.OrderAmountPaid.Currency != _options.Currency)
                {
                    return $"commission {e.Key} is in {e.Amount.Currency.Code} on an order paid in {e.OrderAmountPaid.Currency.Code}, but the ledger keeps {_options.Currency.Code}";
                }

                if (!e.Amount.IsPositive || e.OrderAmountPaid.IsNegative)
                {
                    return $"commission {e.Key} of {e.Amount} on {e.OrderAmountPaid} paid is not positive (every accrual enters a positive amount on a non-negative payment)";
                }

                if (_entries.ContainsKey(e.Key))
                {
                    return $"commission {e.Key} is already accrued";
                }

                if (_orderLines.TryGetValue(e.Key.OrderLineId, out var known))
                {
                    if (known.AmountPaid is { } paid && paid != e.OrderAmountPaid.MinorUnits)
                    {
                        return $"order line '{e.Key.OrderLineId}' was accrued with {Of(paid)} paid, not {e.OrderAmountPaid}";
                    }

                    if (known.Refunded > e.OrderAmountPaid.MinorUnits)
                    {
                        return $"refunds of order line '{e.Key.OrderLineId}' recorded before its accrual total {Of(known.Refunded)}, over the {e.OrderAmountPaid} paid";
                    }
                }

                return null;
            case RefundRecorded e:
                _orderLines.TryGetValue(e.OrderLineId, out var line);
                if (line is not null && line.Refunds.ContainsKey(e.RefundId))
                {
                    return $"refund '{e.RefundId}' of order line '{e.OrderLineId}' is already recorded";
                }

                var paidFor = line?.AmountPaid;
                return e.Amount.Currency != _options.Currency || !e.Amount.IsPositive || (paidFor is { } p && (line!.Refunded + e.Amount.MinorUnits) > p)
                    ? $"refund '{e.RefundId}' of {e.Amount} is not positive in {_options.Currency.Code} or brings refunds of order line '{e.OrderLineId}' over the {(paidFor is { } shown ? Of(shown).ToString() : "amount")} paid"
                    : null;
            case CommissionReversed e:
                if (!_entries.TryGetValue(e.Key, out var entry))
                {
                    return $"commission {e.Key} was never accrued";
                }

                return e.Amount.Currency != _options.Currency || !e.Amount.IsPositive || e.Amount.MinorUnits > entry.Net
                    ? $"reversing {e.Amount} of commission {e.Key} is not positive in {_options.Currency.Code} or exceeds the {Of(entry.Net)} it still holds"
                    : null;
            case WithdrawalRequested e:
                if (_withdrawals.ContainsKey(e.WithdrawalId))
                {
                    return $"withdrawal '{e.WithdrawalId}' is already recorded";
                }

                if (e.Amount.Currency != _options.Currency || !e.Amount.IsPositive || e.Fee.Currency != _options.Currency || e.Fee.IsNegative || e.Fee > e.Amount)
                {
                    return $"withdrawal '{e.WithdrawalId}' of {e.Amount} with a fee of {e.Fee} is not a positive amount in {_options.Currency.Code} with a fee between zero and the amount";
                }

                // As live: a withdrawal takes only what had matured by then and was not already withdrawn or paid out.
                var available = Available(e.Member, e.OccurredAt);
                return e.Amount.MinorUnits > available
                    ? $"withdrawal '{e.WithdrawalId}' takes {e.Amount}, and member {e.Member} had {Of(Math.Max(available, 0))} available at {e.OccurredAt:O}"
                    : null;
            case WithdrawalPaid e:
                return SettlementProblem(e.WithdrawalId, e.Member);
            case WithdrawalRejected e:
                return SettlementProblem(e.WithdrawalId, e.Member);
            default:
                return null;
        }
    }

    private string? SettlementProblem(string withdrawalId, MemberId member) =>
        !_withdrawals.TryGetValue(withdrawalId, out var w) ? $"withdrawal '{withdrawalId}' was never requested"
        : w.Settled ? $"withdrawal '{withdrawalId}' is already paid or rejected"
        : w.Request.Member != member ? $"withdrawal '{withdrawalId}' was requested by member {w.Request.Member}, not {member}"
        : null;

    private void Mutate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CommissionAccrued e:
                _entries.Add(e.Key, new Entry(e.Level, e.Amount.MinorUnits, e.AvailableAt));
                var accruedLine = OrderLineOf(e.Key.OrderLineId);
                accruedLine.AmountPaid ??= e.OrderAmountPaid.MinorUnits;
                accruedLine.Keys.Add(e.Key);
                AccountOf(e.Key.Beneficiary).Keys.Add(e.Key);
                break;
            case RefundRecorded e:
                var refundedLine = OrderLineOf(e.OrderLineId);
                refundedLine.Refunds.Add(e.RefundId, e.Amount.MinorUnits);
                refundedLine.Refunded += e.Amount.MinorUnits;
                break;
            case CommissionReversed e:
                _entries[e.Key].Reversed += e.Amount.MinorUnits;
                break;
            case WithdrawalRequested e:
                var withdrawal = new Withdrawal(e);
                _withdrawals.Add(e.WithdrawalId, withdrawal);
                _withdrawalsInOrder.Add(withdrawal);
                AccountOf(e.Member).Withdrawing += e.Amount.MinorUnits;
                break;
            case WithdrawalPaid e:
                var paid = _withdrawals[e.WithdrawalId];
                paid.Settled = true;
                var payer = AccountOf(e.Member);
                payer.Withdrawing -= paid.Request.Amount.MinorUnits;
                payer.PaidOut += paid.Request.Amount.MinorUnits;
                payer.FeesPaid += paid.Request.Fee.MinorUnits;
                break;
            case WithdrawalRejected e:
                var rejected = _withdrawals[e.WithdrawalId];
                rejected.Settled = true;
                AccountOf(e.Member).Withdrawing -= rejected.Request.Amount.MinorUnits;
                break;
            default:
                return; // not a ledger event
        }

        _applied++;
    }

    // Reverses the increase of the order line's reversed share from `refundedBefore` to `refundedAfter` of its amount
    // paid, split over its entries by what each still holds; returns the amount reversed.
    private long Reverse(OrderLine line, string refundId, long refundedBefore, long refundedAfter, DateTimeOffset now, ImmutableArray<IDomainEvent>.Builder events)
    {
        var paid = line.AmountPaid!.Value;
        long total = 0;
        foreach (var key in line.Keys)
        {
            total += _entries[key].Amount;
        }

        // The commission reversed so far is the refunded share of the total, by largest remainder;
        // this refund reverses the increase, split over the entries by what each still holds.
        var delta = ReversedShare(total, refundedAfter, paid) - ReversedShare(total, refundedBefore, paid);
        if (delta <= 0)
        {
            return 0;
        }

        var count = line.Keys.Count;
        Span<long> remaining = count <= 32 ? stackalloc long[count] : new long[count];
        Span<long> parts = count <= 32 ? stackalloc long[count] : new long[count];
        for (var i = 0; i < remaining.Length; i++)
        {
            remaining[i] = _entries[line.Keys[i]].Net;
        }

        LargestRemainder.Allocate(delta, remaining, parts);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] > 0)
            {
                var reversed = new CommissionReversed(line.Keys[i], refundId, Of(parts[i]), now);
                ApplyChecked(reversed);
                events.Add(reversed);
            }
        }

        return delta;
    }

    // How a result differs from the accrual an order line already has; null when it is the same.
    private string? Difference(string orderLineId, OrderLine known, long amountPaid, IReadOnlyList<AccrualLine> lines)
    {
        if (known.AmountPaid != amountPaid)
        {
            return $"{Of(amountPaid)} paid";
        }

        foreach (var line in lines)
        {
            if (!_entries.TryGetValue(line.Key, out var entry))
            {
                return $"commission {line.Key} of {Of(line.Amount)} was not accrued";
            }

            if (entry.Amount != line.Amount || entry.Level != line.Level)
            {
                return $"commission {line.Key} is {Of(line.Amount)} at level {line.Level}, accrued as {Of(entry.Amount)} at level {entry.Level}";
            }
        }

        // Every line is an accrued entry and the keys are distinct (checked first): equal counts mean the same lines.
        return known.Keys.Count != lines.Count ? $"{lines.Count} line(s) for order line '{orderLineId}'" : null;
    }

    // The share of `total` that `refunded` of `paid` stands for, rounded by the largest-remainder rule.
    private static long ReversedShare(long total, long refunded, long paid)
    {
        if (refunded == 0 || total == 0)
        {
            return 0;
        }

        Span<long> weights = [refunded, paid - refunded];
        Span<long> parts = stackalloc long[2];
        LargestRemainder.Allocate(total, weights, parts);
        return parts[0];
    }

    private long Available(MemberId member, DateTimeOffset now)
    {
        if (!_accounts.TryGetValue(member, out var account))
        {
            return 0;
        }

        long matured = 0;
        foreach (var key in account.Keys)
        {
            var entry = _entries[key];
            matured += entry.AvailableAt <= now ? entry.Net : 0;
        }

        return matured - account.Withdrawing - account.PaidOut;
    }

    private Withdrawal RequirePending(string withdrawalId)
    {
        if (withdrawalId is null || !_withdrawals.TryGetValue(withdrawalId, out var withdrawal))
        {
            throw new CommissionException(CommissionErrorCodes.UnknownWithdrawal, $"No withdrawal has id '{withdrawalId}'.");
        }

        return withdrawal.Settled
            ? throw new CommissionException(CommissionErrorCodes.WithdrawalSettled, $"Withdrawal '{withdrawalId}' is already paid or rejected; a settled withdrawal is settled once.")
            : withdrawal;
    }

    private Account AccountOf(MemberId member)
    {
        if (!_accounts.TryGetValue(member, out var account))
        {
            _accounts.Add(member, account = new Account());
        }

        return account;
    }

    private Money Of(long minorUnits) => Money.FromMinorUnits(minorUnits, _options.Currency);

    private sealed class Entry(int level, long amount, DateTimeOffset availableAt)
    {
        public int Level { get; } = level;

        public long Amount { get; } = amount;

        public DateTimeOffset AvailableAt { get; } = availableAt;

        public long Reversed { get; set; }

        public long Net => Amount - Reversed;
    }

    private OrderLine OrderLineOf(string orderLineId)
    {
        if (!_orderLines.TryGetValue(orderLineId, out var line))
        {
            _orderLines.Add(orderLineId, line = new OrderLine());
        }

        return line;
    }

    // An order line: accrued once its amount paid is known; refunds recorded before that wait in order.
    private sealed class OrderLine
    {
        public long? AmountPaid { get; set; }

        public bool IsAccrued => AmountPaid is not null;

        public long Refunded { get; set; }

        // By refund id, in the order recorded: refunds that came before the accrual are reversed in that order.
        public OrderedDictionary<string, long> Refunds { get; } = new(StringComparer.Ordinal);

        public List<CommissionKey> Keys { get; } = [];
    }

    private sealed class Account
    {
        public List<CommissionKey> Keys { get; } = [];

        public long Withdrawing { get; set; }

        public long PaidOut { get; set; }

        public long FeesPaid { get; set; }
    }

    private sealed class Withdrawal(WithdrawalRequested request)
    {
        public WithdrawalRequested Request { get; } = request;

        public bool Settled { get; set; }
    }
}
