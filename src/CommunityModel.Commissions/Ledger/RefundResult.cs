using System.Collections.Immutable;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// The outcome of <see cref="CommissionLedger.Refund"/>: what happened and the events to store (the
/// <see cref="RefundRecorded"/> followed by its <see cref="CommissionReversed"/> events; empty unless
/// <see cref="Outcome"/> is <see cref="RefundOutcome.Recorded"/>).
/// </summary>
/// <param name="Outcome">Recorded, already recorded, or nothing to reverse.</param>
/// <param name="Events">The events to store.</param>
/// <param name="Reversed">The commission this call reversed; zero unless recorded.</param>
public sealed record RefundResult(RefundOutcome Outcome, ImmutableArray<IDomainEvent> Events, Money Reversed);
