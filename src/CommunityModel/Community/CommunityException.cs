namespace CommunityModel;

/// <summary>
/// A command the community refused, with a stable <see cref="CommunityModelException.ErrorCode"/> and the field that was
/// wrong; its one refusal in <see cref="CommunityModelException.Refusals"/> carries both.
/// </summary>
public sealed class CommunityException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A <c>community.*</c> code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong, naming the value.</param>
    /// <param name="field">The command's field that was wrong, when one was.</param>
    public CommunityException(string errorCode, string message, string? field = null)
        : base([new Refusal(errorCode, message, field)])
    {
    }

    /// <summary>The command's field that was wrong (e.g. <c>OrderId</c>), when one was: the refusal's <see cref="Refusal.Field"/>.</summary>
    public string? Field => Refusals[0].Field;
}
