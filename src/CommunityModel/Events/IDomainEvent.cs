namespace CommunityModel;

/// <summary>
/// A fact that happened in the community, handed to the integrator to store. Every package's events
/// (lifecycle transitions, membership changes, referral bindings, ledger entries) implement it, so a
/// CRM can keep them in one append-only store; replaying a stream rebuilds the same state.
/// Events are immutable records named in the past tense.
/// </summary>
public interface IDomainEvent
{
    /// <summary>When it happened, read from the injected <see cref="TimeProvider"/>.</summary>
    DateTimeOffset OccurredAt { get; }
}
