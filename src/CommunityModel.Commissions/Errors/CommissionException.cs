using System.Collections.Immutable;

namespace CommunityModel.Commissions;

/// <summary>
/// The root of every error the commissions package raises on purpose, with a stable code from
/// <see cref="CommissionErrorCodes"/>. An operation that throws it changes nothing.
/// </summary>
public class CommissionException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A code from <see cref="CommissionErrorCodes"/>.</param>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The lower-level cause, if any.</param>
    public CommissionException(string errorCode, string message, Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
    }

    /// <summary>Creates the error from every reason it was refused; its code is the first refusal's, its message their messages, joined.</summary>
    /// <param name="refusals">Every reason, at least one, each with a code from <see cref="CommissionErrorCodes"/>.</param>
    public CommissionException(ImmutableArray<Refusal> refusals)
        : base(refusals)
    {
    }

    /// <summary>Creates the error from every reason it was refused, with its own message; its code is the first refusal's.</summary>
    /// <param name="refusals">Every reason, at least one, each with a code from <see cref="CommissionErrorCodes"/>.</param>
    /// <param name="message">What was wrong.</param>
    public CommissionException(ImmutableArray<Refusal> refusals, string message)
        : base(refusals, message)
    {
    }
}
