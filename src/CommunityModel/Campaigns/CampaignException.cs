namespace CommunityModel.Campaigns;

/// <summary>
/// A request a campaign play refused, with a stable <c>campaign.*</c> code and the field that was wrong; its one refusal in
/// <see cref="CommunityModelException.Refusals"/> carries both. Nothing changed, in the play or in the community.
/// </summary>
public sealed class CampaignException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A <c>campaign.*</c> code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong, naming the value.</param>
    /// <param name="field">The request's field that was wrong, when one was.</param>
    public CampaignException(string errorCode, string message, string? field = null)
        : base([new Refusal(errorCode, message, field)])
    {
    }

    /// <summary>The request's field that was wrong, when one was.</summary>
    public string? Field => Refusals[0].Field;
}
