using System.Collections.Immutable;

namespace CommunityModel.Lifecycle;

/// <summary>
/// A member moved on the value chain (or re-entered the same stage, e.g. a renewal). The integrator stores
/// these events; <see cref="ValueChain.Replay(ReadOnlySpan{MemberTransitioned})"/> rebuilds the state from them.
/// </summary>
/// <param name="Member">Who.</param>
/// <param name="From">The stage before.</param>
/// <param name="To">The stage after.</param>
/// <param name="Trigger">What happened.</param>
/// <param name="Reason">Why, for demotions (expiry, refund, suspension, removal, end of partnership); otherwise optional.</param>
/// <param name="OccurredAt">When, from the injected <see cref="TimeProvider"/>.</param>
/// <param name="Version">The state's version after this event: 1 for the registration, then one more each time.</param>
/// <param name="Passed">The main-chain stages skipped on the way, e.g. Fan and Customer for a prospect who buys a membership outright.</param>
public sealed record MemberTransitioned(
    MemberId Member,
    LifecycleStage From,
    LifecycleStage To,
    LifecycleTrigger Trigger,
    string? Reason,
    DateTimeOffset OccurredAt,
    long Version,
    ImmutableArray<LifecycleStage> Passed) : IDomainEvent
{
    /// <summary>The skipped stages, never default (an empty array when none were skipped).</summary>
    public ImmutableArray<LifecycleStage> Passed { get; init; } = Passed.IsDefault ? [] : Passed;

    /// <inheritdoc/>
    public bool Equals(MemberTransitioned? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Member == other.Member && From == other.From && To == other.To && Trigger == other.Trigger && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
                && OccurredAt == other.OccurredAt && Version == other.Version && Passed.AsSpan().SequenceEqual(other.Passed.AsSpan())));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Member, From, To, Trigger, OccurredAt, Version);
}
