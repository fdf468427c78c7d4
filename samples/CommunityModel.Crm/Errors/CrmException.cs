namespace CommunityModel.Crm.Errors;

/// <summary>An error of the CRM itself (not the library's), with a stable code and, for bad input, the field at fault.</summary>
public sealed class CrmException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">A code from <see cref="CrmErrorCodes"/>.</param>
    /// <param name="message">What was wrong.</param>
    /// <param name="field">The request field at fault, if any (camelCase, as in the JSON).</param>
    /// <param name="inner">The error behind it, if any.</param>
    public CrmException(string errorCode, string message, string? field = null, Exception? inner = null)
        : base(errorCode, message, inner) => Field = field;

    /// <summary>The request field at fault, if any.</summary>
    public string? Field { get; }

    /// <summary>A missing or malformed request field.</summary>
    /// <param name="field">The field.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <returns>The error.</returns>
    public static CrmException Invalid(string field, string message) => new(CrmErrorCodes.InvalidRequest, message, field);

    /// <summary>
    /// A write committed but not confirmed on disk: it may or may not be stored. Requests are idempotent, so the same
    /// request sent again is stored once or answered as a repeat.
    /// </summary>
    /// <param name="inner">Why the disk did not confirm it.</param>
    /// <returns>The error (<c>crm.unavailable</c>).</returns>
    public static CrmException Unconfirmed(Exception inner) =>
        new(CrmErrorCodes.Unavailable, "The disk did not confirm the write; it may or may not be stored. Send the same request again once the CRM is back: a stored one is answered as a repeat.", inner: inner);
}
