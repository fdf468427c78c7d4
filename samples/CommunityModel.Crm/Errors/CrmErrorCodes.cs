namespace CommunityModel.Crm.Errors;

/// <summary>
/// The CRM's own stable error code, beside the library's (<see cref="ErrorCodes"/>, <c>CommissionErrorCodes</c>): unknown
/// members and orders, used ids and stream conflicts are the library's (<c>community.*</c>, <c>persistence.*</c>).
/// </summary>
public static class CrmErrorCodes
{
    /// <summary>A request field is missing or malformed; the problem names the field.</summary>
    public const string InvalidRequest = "crm.invalid_request";
}
