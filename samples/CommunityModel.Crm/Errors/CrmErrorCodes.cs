namespace CommunityModel.Crm.Errors;

/// <summary>The CRM's own stable error codes, beside the library's (<see cref="ErrorCodes"/>, <c>CommissionErrorCodes</c>).</summary>
public static class CrmErrorCodes
{
    /// <summary>A request field is missing or malformed; the problem names the field.</summary>
    public const string InvalidRequest = "crm.invalid_request";

    /// <summary>The member in the path is not registered.</summary>
    public const string UnknownMember = "crm.unknown_member";

    /// <summary>The order in the path is not one of the member's orders.</summary>
    public const string UnknownOrder = "crm.unknown_order";

    /// <summary>An order, refund or withdrawal id was already used for something else.</summary>
    public const string IdConflict = "crm.id_conflict";
}
