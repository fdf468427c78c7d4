namespace CommunityModel.Credits;

/// <summary>
/// A credits request the ledger refused, with a stable <c>credits.*</c> code and the field that was wrong; its one refusal
/// in <see cref="CommunityModelException.Refusals"/> carries both.
/// </summary>
public class CreditsException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A <c>credits.*</c> code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong, naming the value.</param>
    /// <param name="field">The request's field that was wrong, when one was.</param>
    public CreditsException(string errorCode, string message, string? field = null)
        : base([new Refusal(errorCode, message, field)])
    {
    }

    /// <summary>The request's field that was wrong (e.g. <c>RedemptionId</c>), when one was: the refusal's <see cref="Refusal.Field"/>.</summary>
    public string? Field => Refusals[0].Field;
}
