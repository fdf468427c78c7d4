namespace CommunityModel.Lifecycle;

/// <summary>
/// An event does not fit the state replay has reached: another member's, out of order, a wrong version,
/// a wrong source stage, or a transition the lifecycle does not define. Code <see cref="ErrorCodes.LifecycleReplayMismatch"/>.
/// </summary>
public sealed class LifecycleReplayException : CommunityModelException
{
    /// <summary>Creates the error naming the event's position and what did not fit.</summary>
    /// <param name="member">The member being replayed.</param>
    /// <param name="index">The zero-based position of the offending event.</param>
    /// <param name="problem">What did not fit, e.g. "version 4 follows version 2".</param>
    public LifecycleReplayException(MemberId member, int index, string problem)
        : base(ErrorCodes.LifecycleReplayMismatch, $"Replaying member {member}: event {index} does not fit: {problem}.")
    {
        Member = member;
        Index = index;
    }

    /// <summary>The member being replayed.</summary>
    public MemberId Member { get; }

    /// <summary>The zero-based position of the offending event.</summary>
    public int Index { get; }
}
