namespace CommunityModel;

/// <summary>A command the community refused, with a stable <see cref="CommunityModelException.ErrorCode"/> and the field that was wrong.</summary>
public sealed class CommunityException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A <c>community.*</c> code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong, naming the value.</param>
    /// <param name="field">The command's field that was wrong, when one was.</param>
    public CommunityException(string errorCode, string message, string? field = null)
        : base(errorCode, message)
    {
        Field = field;
    }

    /// <summary>The command's field that was wrong (e.g. <c>OrderId</c>), when one was.</summary>
    public string? Field { get; }
}
