namespace CommunityModel.Credits;

/// <summary>A credits request the ledger refused, with a stable <c>credits.*</c> code and the field that was wrong.</summary>
public class CreditsException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A <c>credits.*</c> code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong, naming the value.</param>
    /// <param name="field">The request's field that was wrong, when one was.</param>
    public CreditsException(string errorCode, string message, string? field = null)
        : base(errorCode, message)
    {
        Field = field;
    }

    /// <summary>The request's field that was wrong (e.g. <c>RedemptionId</c>), when one was.</summary>
    public string? Field { get; }
}
