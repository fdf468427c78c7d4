namespace CommunityModel.Lifecycle;

/// <summary>
/// A lifecycle state cannot be made from the given parts (e.g. a restored state whose current stage has no
/// entry time, or a start in a stage one cannot start in). Code <see cref="ErrorCodes.LifecycleInvalidState"/>.
/// </summary>
public sealed class InvalidLifecycleStateException : CommunityModelException
{
    /// <summary>Creates the error naming every problem.</summary>
    /// <param name="member">The member.</param>
    /// <param name="problems">Each thing that was wrong.</param>
    public InvalidLifecycleStateException(MemberId member, IEnumerable<string> problems)
        : base(ErrorCodes.LifecycleInvalidState, $"Member {member}: invalid lifecycle state: {string.Join("; ", problems)}.")
    {
        Member = member;
    }

    /// <summary>The member.</summary>
    public MemberId Member { get; }
}
