using System.Collections.Immutable;
using CommunityModel.Commissions.Engine;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// The commission ledger: entries keyed idempotently by (order line, beneficiary, rule), settled from
/// pending to available after a freeze period, reversed in proportion to refunds, and drawn by
/// withdrawals that never exceed the available balance. Every change is returned as an event;
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
    private readonly HashSet<string> _refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Withdrawal> _withdrawals = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, Account> _accounts = [];
    private readonly LedgerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();

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
    public static CommissionLedger Replay(IEnumerable<IDomainEvent> events, LedgerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ledger = new CommissionLedger(options, timeProvider);
        foreach (var e in events)
        {
            ledger.Apply(e);
        }

        return ledger;
    }

    /// <summary>Whether the ledger holds commission for an order line (so a refund of it can be recorded).</summary>
    /// <param name="orderLineId">The order line.</param>
    /// <returns><see langword="true"/> when at least one commission was accrued for it.</returns>
    public bool HasOrderLine(string orderLineId)
    {
        lock (_gate)
        {
            return _orderLines.ContainsKey(orderLineId);
        }
    }

    /// <summary>
    /// Enters an order's commission lines, pending until <paramref name="paidAt"/> plus the freeze period.
    /// Lines already in the ledger (same key) are skipped: processing an order twice never pays twice.
    /// </summary>
    /// <param name="commission">The calculator's result.</param>
    /// <param name="paidAt">When the order was paid; the freeze period starts then.</param>
    /// <returns>The events for the lines newly entered; empty when all were there already.</returns>
    /// <exception cref="CurrencyMismatchException">The commission is not in the ledger's currency.</exception>
    public ImmutableArray<CommissionAccrued> Accrue(OrderCommission commission, DateTimeOffset paidAt)
    {
        ArgumentNullException.ThrowIfNull(commission);
        if (commission.Base.Currency != _options.Currency)
        {
            throw new CurrencyMismatchException(_options.Currency, commission.Base.Currency, "accrue commission");
        }

        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var accrued = ImmutableArray.CreateBuilder<CommissionAccrued>();
            foreach (var line in commission.Lines)
            {
                if (!_entries.ContainsKey(line.Key))
                {
                    var e = new CommissionAccrued(line.Key, line.Level, line.Amount, commission.AmountPaid, paidAt + _options.FreezePeriod, now);
                    Apply(e);
                    accrued.Add(e);
                }
            }

            return accrued.DrainToImmutable();
        }
    }

    /// <summary>
    /// Records a refund of an order line and reverses its commissions in proportion, exactly: after
    /// refunds totalling the amount paid, every commission of the line is reversed in full. A refund id
    /// already recorded changes nothing (idempotent).
    /// </summary>
    /// <param name="orderLineId">The order line refunded.</param>
    /// <param name="refundId">The integrator's refund id.</param>
    /// <param name="amount">The amount refunded to the buyer; positive.</param>
    /// <returns>The <see cref="RefundRecorded"/> and <see cref="CommissionReversed"/> events; empty for a refund already recorded.</returns>
    /// <exception cref="CommissionException">Unknown order line, a non-positive amount, or refunds over the amount paid.</exception>
    public ImmutableArray<IDomainEvent> Refund(string orderLineId, string refundId, Money amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        lock (_gate)
        {
            if (_refunds.Contains(refundId))
            {
                return [];
            }

            if (orderLineId is null || !_orderLines.TryGetValue(orderLineId, out var line))
            {
                throw new CommissionException(CommissionErrorCodes.UnknownOrderLine, $"The ledger holds no commission for order line '{orderLineId}'.");
            }

            if (!amount.IsPositive || amount.Currency != _options.Currency)
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Refund '{refundId}' of {amount} is not a positive amount in {_options.Currency.Code}.");
            }

            var refunded = line.Refunded + amount.MinorUnits;
            if (refunded > line.AmountPaid)
            {
                throw new CommissionException(
                    CommissionErrorCodes.RefundExceedsPaid,
                    $"Refund '{refundId}' of {amount} would bring refunds of order line '{orderLineId}' to {Money.FromMinorUnits(refunded, _options.Currency)}, over the {Money.FromMinorUnits(line.AmountPaid, _options.Currency)} paid.");
            }

            var now = _timeProvider.GetUtcNow();
            var events = ImmutableArray.CreateBuilder<IDomainEvent>();
            var recorded = new RefundRecorded(orderLineId, refundId, amount, now);
            events.Add(recorded);

            // The commission reversed so far is the refunded share of the total, by largest remainder;
            // this refund reverses the increase, split over the entries by what each still holds.
            var total = line.Keys.Sum(k => _entries[k].Amount);
            var delta = ReversedShare(total, refunded, line.AmountPaid) - ReversedShare(total, line.Refunded, line.AmountPaid);
            Apply(recorded);
            if (delta > 0)
            {
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
                        var reversed = new CommissionReversed(line.Keys[i], refundId, Money.FromMinorUnits(parts[i], _options.Currency), now);
                        Apply(reversed);
                        events.Add(reversed);
                    }
                }
            }

            return events.DrainToImmutable();
        }
    }

    /// <summary>Requests a withdrawal, or returns every condition it does not meet (nothing changes then).</summary>
    /// <param name="withdrawalId">The integrator's id; asking again with the same id returns the original request.</param>
    /// <param name="member">Who withdraws.</param>
    /// <param name="amount">The amount to take from the available balance.</param>
    /// <returns>The request, or the refusals.</returns>
    public WithdrawalResult TryRequestWithdrawal(string withdrawalId, MemberId member, Money amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(withdrawalId);
        lock (_gate)
        {
            if (_withdrawals.TryGetValue(withdrawalId, out var existing))
            {
                return existing.Request.Member == member && existing.Request.Amount == amount
                    ? WithdrawalResult.Accepted(existing.Request)
                    : WithdrawalResult.Refused(CommissionErrorCodes.InvalidRequest, [$"Withdrawal id '{withdrawalId}' is already used for {existing.Request.Amount} by member {existing.Request.Member}."]);
            }

            var refusals = ImmutableArray.CreateBuilder<string>();
            string? code = null;
            void Refuse(string errorCode, string reason)
            {
                code ??= errorCode;
                refusals.Add(reason);
            }

            if (amount.Currency != _options.Currency || !amount.IsPositive)
            {
                Refuse(CommissionErrorCodes.InvalidRequest, $"A withdrawal must be a positive amount in {_options.Currency.Code}; {amount} is not.");
            }
            else if (amount < _options.MinimumWithdrawal)
            {
                Refuse(CommissionErrorCodes.WithdrawalBelowMinimum, $"{amount} is below the minimum withdrawal of {_options.MinimumWithdrawal}.");
            }

            var available = Available(member, _timeProvider.GetUtcNow());
            if (available < 0)
            {
                Refuse(CommissionErrorCodes.InsufficientBalance, $"Member {member}'s available balance is {Money.FromMinorUnits(available, _options.Currency)} after refunds of commission already paid out; later earnings must cover it first.");
            }
            else if (amount.Currency == _options.Currency && amount.MinorUnits > available)
            {
                Refuse(CommissionErrorCodes.InsufficientBalance, $"{amount} exceeds member {member}'s available balance of {Money.FromMinorUnits(available, _options.Currency)}.");
            }

            if (code is not null)
            {
                return WithdrawalResult.Refused(code, refusals.ToImmutable());
            }

            var fee = amount.Multiply(_options.WithdrawalFee);
            var requested = new WithdrawalRequested(withdrawalId, member, amount, fee, _timeProvider.GetUtcNow());
            Apply(requested);
            return WithdrawalResult.Accepted(requested);
        }
    }

    /// <summary>Requests a withdrawal, or throws naming every unmet condition.</summary>
    /// <param name="withdrawalId">The integrator's id.</param>
    /// <param name="member">Who withdraws.</param>
    /// <param name="amount">The amount to take from the available balance.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CommissionException">Below the minimum, over the available balance, a negative balance, or a bad amount.</exception>
    public WithdrawalRequested RequestWithdrawal(string withdrawalId, MemberId member, Money amount)
    {
        var result = TryRequestWithdrawal(withdrawalId, member, amount);
        return result.Succeeded ? result.Event : throw new CommissionException(result.ErrorCode, string.Join(" ", result.Refusals));
    }

    /// <summary>Marks a requested withdrawal as paid out.</summary>
    /// <param name="withdrawalId">A pending withdrawal.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CommissionException">The withdrawal is unknown or no longer pending.</exception>
    public WithdrawalPaid MarkWithdrawalPaid(string withdrawalId)
    {
        lock (_gate)
        {
            var paid = new WithdrawalPaid(withdrawalId, RequirePending(withdrawalId).Request.Member, _timeProvider.GetUtcNow());
            Apply(paid);
            return paid;
        }
    }

    /// <summary>Rejects a requested withdrawal; its amount returns to the available balance.</summary>
    /// <param name="withdrawalId">A pending withdrawal.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CommissionException">The withdrawal is unknown or no longer pending.</exception>
    public WithdrawalRejected RejectWithdrawal(string withdrawalId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            var rejected = new WithdrawalRejected(withdrawalId, RequirePending(withdrawalId).Request.Member, reason, _timeProvider.GetUtcNow());
            Apply(rejected);
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

    /// <summary>Applies a stored event (replay). Events of other kinds are ignored.</summary>
    /// <param name="domainEvent">A ledger event.</param>
    public void Apply(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        lock (_gate)
        {
            switch (domainEvent)
            {
                case CommissionAccrued e:
                    _entries.Add(e.Key, new Entry(e.Level, e.Amount.MinorUnits, e.AvailableAt));
                    if (!_orderLines.TryGetValue(e.Key.OrderLineId, out var line))
                    {
                        _orderLines.Add(e.Key.OrderLineId, line = new OrderLine(e.OrderAmountPaid.MinorUnits));
                    }

                    line.Keys.Add(e.Key);
                    AccountOf(e.Key.Beneficiary).Keys.Add(e.Key);
                    break;
                case RefundRecorded e:
                    _refunds.Add(e.RefundId);
                    _orderLines[e.OrderLineId].Refunded += e.Amount.MinorUnits;
                    break;
                case CommissionReversed e:
                    _entries[e.Key].Reversed += e.Amount.MinorUnits;
                    break;
                case WithdrawalRequested e:
                    _withdrawals.Add(e.WithdrawalId, new Withdrawal(e));
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
            }
        }
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

    private Withdrawal RequirePending(string withdrawalId) =>
        withdrawalId is not null && _withdrawals.TryGetValue(withdrawalId, out var w) && !w.Settled
            ? w
            : throw new CommissionException(CommissionErrorCodes.UnknownWithdrawal, $"No pending withdrawal has id '{withdrawalId}'.");

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

    private sealed class OrderLine(long amountPaid)
    {
        public long AmountPaid { get; } = amountPaid;

        public long Refunded { get; set; }

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
