namespace CommunityModel.Metrics;

/// <summary>
/// Metrics were asked something they cannot answer: an empty or reversed period, events out of order,
/// an unusable fact, funnel or participation count. <see cref="CommunityModelException.ErrorCode"/> says which
/// (one of the <c>metrics.*</c> codes in <see cref="ErrorCodes"/>); the message names the offending value.
/// </summary>
public sealed class MetricsException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">One of the <c>metrics.*</c> codes of <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong.</param>
    public MetricsException(string errorCode, string message)
        : base(errorCode, message)
    {
    }
}
