namespace CommunityModel.Referrals;

/// <summary>
/// A stored event does not fit the referral network rebuilt so far: a member registered twice, a binding of
/// an unknown member or to an unknown sponsor, a self-binding or a cycle. Code
/// <see cref="ErrorCodes.ReferralReplayMismatch"/>; the network is left as it was before the event.
/// </summary>
public sealed class ReferralReplayException : CommunityModelException
{
    /// <summary>Creates the error naming the event's position and what did not fit.</summary>
    /// <param name="index">
    /// The zero-based position of the event: in the sequence given to <see cref="ReferralNetwork.Replay"/>, or,
    /// for <see cref="ReferralNetwork.Apply"/>, the number of referral events the network applied before it.
    /// </param>
    /// <param name="domainEvent">The event that does not fit.</param>
    /// <param name="problem">What did not fit, e.g. "member 2 is already registered".</param>
    public ReferralReplayException(int index, IDomainEvent domainEvent, string problem)
        : base(ErrorCodes.ReferralReplayMismatch, $"Referral event {index} ({domainEvent?.GetType().Name}) does not fit: {problem}.")
    {
        Index = index;
        Event = domainEvent;
    }

    /// <summary>The zero-based position of the offending event.</summary>
    public int Index { get; }

    /// <summary>The offending event.</summary>
    public IDomainEvent? Event { get; }
}
