namespace CommunityModel.MemberNumbers;

/// <summary>
/// A prefix has handed out every number its configured width allows (e.g. <c>KA-999999</c>); widen
/// <see cref="MemberNumberOptions.SequenceWidth"/>. Nothing was issued. Code <see cref="ErrorCodes.MemberNumberExhausted"/>.
/// </summary>
public sealed class MemberNumberExhaustedException : CommunityModelException
{
    /// <summary>Creates the error naming the prefix and the last number of the width.</summary>
    /// <param name="prefix">The exhausted prefix.</param>
    /// <param name="maximum">The largest sequence the width allows.</param>
    public MemberNumberExhaustedException(string prefix, long maximum)
        : base(ErrorCodes.MemberNumberExhausted, $"Member numbers with prefix '{prefix}' are exhausted: {maximum} is the largest sequence of the configured width; widen MemberNumbers:SequenceWidth.")
    {
        Prefix = prefix;
    }

    /// <summary>The exhausted prefix.</summary>
    public string Prefix { get; }
}
