using System.Collections.Immutable;

namespace CommunityModel;

/// <summary>
/// The root of every error that CommunityModel raises on purpose. Each error carries a stable,
/// machine-readable <see cref="ErrorCode"/> (see <see cref="ErrorCodes"/>) and the <see cref="Refusals"/> behind it,
/// so integrators map any error of the library the same way without parsing messages; the message names what was
/// wrong in words.
/// </summary>
/// <remarks>
/// An operation that throws a <see cref="CommunityModelException"/> leaves every object it was called on
/// exactly as it was: invalid input never half-applies.
/// </remarks>
public class CommunityModelException : Exception
{
    /// <summary>Creates an error with a stable code and a message that names what was wrong; its one refusal carries both.</summary>
    /// <param name="errorCode">A stable code from <see cref="ErrorCodes"/> (or an integrator's own).</param>
    /// <param name="message">What was wrong, in words a developer can act on.</param>
    /// <param name="innerException">The lower-level error that caused this one, if any.</param>
    public CommunityModelException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Refusals = Checked([new Refusal(errorCode, message)]);
        ErrorCode = errorCode;
    }

    /// <summary>Creates an error from every reason it was refused; its code is the first refusal's, its message the refusals' messages, joined.</summary>
    /// <param name="refusals">Every reason, at least one, each with a stable code.</param>
    /// <exception cref="ArgumentException">No refusal is given, or the first has no code.</exception>
    public CommunityModelException(ImmutableArray<Refusal> refusals)
        : this(refusals, string.Join(" ", Checked(refusals).Select(r => r.Message)))
    {
    }

    /// <summary>Creates an error from every reason it was refused, with its own message; its code is the first refusal's.</summary>
    /// <param name="refusals">Every reason, at least one, each with a stable code.</param>
    /// <param name="message">What was wrong, in words a developer can act on.</param>
    /// <exception cref="ArgumentException">No refusal is given, or the first has no code.</exception>
    public CommunityModelException(ImmutableArray<Refusal> refusals, string message)
        : base(message)
    {
        Refusals = Checked(refusals);
        ErrorCode = refusals[0].Code;
    }

    /// <summary>The stable, machine-readable code of this error, e.g. <c>money.currency_mismatch</c>: the first refusal's code.</summary>
    public string ErrorCode { get; }

    /// <summary>Every reason the operation was refused, at least one, each with its code, message and (when known) field.</summary>
    public ImmutableArray<Refusal> Refusals { get; }

    private static ImmutableArray<Refusal> Checked(ImmutableArray<Refusal> refusals)
    {
        if (refusals.IsDefaultOrEmpty)
        {
            throw new ArgumentException("An error needs at least one refusal.", nameof(refusals));
        }

        ArgumentNullException.ThrowIfNull(refusals[0], nameof(refusals));
        ArgumentException.ThrowIfNullOrWhiteSpace(refusals[0].Code, nameof(refusals));
        return refusals;
    }
}
