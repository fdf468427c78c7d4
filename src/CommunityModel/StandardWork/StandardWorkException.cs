namespace CommunityModel.StandardWork;

/// <summary>
/// A request the reply library or the promoter kit refused, with a stable <c>standardwork.*</c> code and the field that
/// was wrong; nothing changed.
/// </summary>
public sealed class StandardWorkException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A <c>standardwork.*</c> code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong, naming the value.</param>
    /// <param name="field">The request's field that was wrong, when one was.</param>
    public StandardWorkException(string errorCode, string message, string? field = null)
        : base([new Refusal(errorCode, message, field)])
    {
    }

    /// <summary>The request's field that was wrong, when one was.</summary>
    public string? Field => Refusals[0].Field;
}
