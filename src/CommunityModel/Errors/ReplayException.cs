namespace CommunityModel;

/// <summary>
/// A stored event does not fit the state rebuilt so far: the one replay error of every part (value chain, onboarding,
/// memberships, referral network, commission ledger, community). <see cref="CommunityModelException.ErrorCode"/> says
/// which part refused it (e.g. <see cref="ErrorCodes.LifecycleReplayMismatch"/>, <see cref="ErrorCodes.ReferralReplayMismatch"/>,
/// <see cref="ErrorCodes.EventOutOfOrder"/>, <see cref="ErrorCodes.CommunityReplayMismatch"/>, <c>commissions.replay_mismatch</c>);
/// what was being rebuilt is left as it was before the event.
/// </summary>
public sealed class ReplayException : CommunityModelException
{
    /// <summary>Creates the error naming the event's position and what did not fit.</summary>
    /// <param name="errorCode">The replaying part's code.</param>
    /// <param name="index">
    /// The zero-based position of the event: in the sequence given to a <c>Replay</c>, or, for an <c>Apply</c>, the
    /// number of events applied before it (each part's own documentation says which events it counts).
    /// </param>
    /// <param name="domainEvent">The event that does not fit; <see langword="null"/> when there was none (an empty history, a null event).</param>
    /// <param name="problem">What did not fit, e.g. "version 4 follows version 2".</param>
    /// <param name="innerException">The error of the part that refused the event, when this one re-states it at another position.</param>
    public ReplayException(string errorCode, int index, IDomainEvent? domainEvent, string problem, Exception? innerException = null)
        : base(errorCode, $"Event {index}{(domainEvent is null ? "" : $" ({domainEvent.GetType().Name})")} does not fit: {problem}.", innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        Index = index;
        Event = domainEvent;
        Problem = problem;
    }

    /// <summary>The zero-based position of the offending event.</summary>
    public int Index { get; }

    /// <summary>The offending event; <see langword="null"/> when there was none.</summary>
    public IDomainEvent? Event { get; }

    /// <summary>What did not fit, without the position.</summary>
    public string Problem { get; }
}
