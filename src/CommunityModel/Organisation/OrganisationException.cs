namespace CommunityModel.Organisation;

/// <summary>
/// A request the organisation refused, with a stable <c>organisation.*</c> code and the field that was wrong; its one
/// refusal in <see cref="CommunityModelException.Refusals"/> carries both. Nothing changed.
/// </summary>
public sealed class OrganisationException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">An <c>organisation.*</c> code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong, naming the value.</param>
    /// <param name="field">The request's field that was wrong, when one was.</param>
    public OrganisationException(string errorCode, string message, string? field = null)
        : base([new Refusal(errorCode, message, field)])
    {
    }

    /// <summary>The request's field that was wrong, when one was.</summary>
    public string? Field => Refusals[0].Field;
}
