namespace CommunityModel;

/// <summary>
/// The root of every error that CommunityModel raises on purpose. Each error carries a stable,
/// machine-readable <see cref="ErrorCode"/> (see <see cref="ErrorCodes"/>) so integrators can map it to
/// their own responses without parsing messages; the message names what was wrong in words.
/// </summary>
/// <remarks>
/// An operation that throws a <see cref="CommunityModelException"/> leaves every object it was called on
/// exactly as it was: invalid input never half-applies.
/// </remarks>
public class CommunityModelException : Exception
{
    /// <summary>Creates an error with a stable code and a message that names what was wrong.</summary>
    /// <param name="errorCode">A stable code from <see cref="ErrorCodes"/> (or an integrator's own).</param>
    /// <param name="message">What was wrong, in words a developer can act on.</param>
    /// <param name="innerException">The lower-level error that caused this one, if any.</param>
    public CommunityModelException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ErrorCode = errorCode;
    }

    /// <summary>The stable, machine-readable code of this error, e.g. <c>money.currency_mismatch</c>.</summary>
    public string ErrorCode { get; }
}
