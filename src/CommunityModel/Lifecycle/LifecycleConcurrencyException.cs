namespace CommunityModel.Lifecycle;

/// <summary>
/// Two changes to one member raced: the stored version moved on since the state was read. Nothing was
/// written; read the member again and retry. Code <see cref="ErrorCodes.LifecycleVersionConflict"/>.
/// </summary>
public sealed class LifecycleConcurrencyException : CommunityModelException
{
    /// <summary>Creates the error naming the member and both versions.</summary>
    /// <param name="member">The member.</param>
    /// <param name="expectedVersion">The version the change was based on.</param>
    /// <param name="actualVersion">The version found in the store (0 when the member is not stored).</param>
    public LifecycleConcurrencyException(MemberId member, long expectedVersion, long actualVersion)
        : base(ErrorCodes.LifecycleVersionConflict, $"Member {member} changed concurrently: the change was based on version {expectedVersion}, the store holds version {actualVersion}.")
    {
        Member = member;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The member.</summary>
    public MemberId Member { get; }

    /// <summary>The version the change was based on.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version found in the store (0 when the member is not stored).</summary>
    public long ActualVersion { get; }
}
