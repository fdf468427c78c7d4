using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Commissions;

/// <summary>
/// A stored event does not fit the ledger rebuilt so far: a commission or withdrawal recorded twice, a
/// refund, reversal or settlement of something the ledger never saw, or amounts that would break its
/// totals. Code <see cref="CommissionErrorCodes.ReplayMismatch"/>; the ledger is left as it was before the event.
/// </summary>
public sealed class LedgerReplayException : CommissionException
{
    /// <summary>Creates the error naming the event's position and what did not fit.</summary>
    /// <param name="index">
    /// The zero-based position of the event: in the sequence given to <see cref="CommissionLedger.Replay"/>,
    /// or, for <see cref="CommissionLedger.Apply"/>, the number of ledger events the ledger applied before it.
    /// </param>
    /// <param name="domainEvent">The event that does not fit.</param>
    /// <param name="problem">What did not fit, e.g. "withdrawal 'w1' is already recorded".</param>
    public LedgerReplayException(int index, IDomainEvent domainEvent, string problem)
        : base(CommissionErrorCodes.ReplayMismatch, $"Ledger event {index} ({domainEvent?.GetType().Name}) does not fit: {problem}.")
    {
        Index = index;
        Event = domainEvent;
    }

    /// <summary>The zero-based position of the offending event.</summary>
    public int Index { get; }

    /// <summary>The offending event.</summary>
    public IDomainEvent? Event { get; }
}
