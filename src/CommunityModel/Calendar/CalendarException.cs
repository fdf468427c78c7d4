namespace CommunityModel.Calendar;

/// <summary>A calendar refused its options or a plan, with a stable <c>calendar.*</c> code naming every problem; nothing was built.</summary>
public sealed class CalendarException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A <c>calendar.*</c> code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong, naming the values.</param>
    /// <param name="field">The field that was wrong, when one was.</param>
    public CalendarException(string errorCode, string message, string? field = null)
        : base([new Refusal(errorCode, message, field)])
    {
    }
}
