namespace CommunityModel.Crm.Errors;

/// <summary>
/// The CRM's own stable error code, beside the library's (<see cref="ErrorCodes"/>, <c>CommissionErrorCodes</c>): unknown
/// members and orders, used ids and stream conflicts are the library's (<c>community.*</c>, <c>persistence.*</c>).
/// </summary>
public static class CrmErrorCodes
{
    /// <summary>A request field is missing or malformed; the problem names the field.</summary>
    public const string InvalidRequest = "crm.invalid_request";

    /// <summary>An order named a price; prices come from the catalog, discounts through their own endpoint (400).</summary>
    public const string PriceFromCatalog = "crm.price_from_catalog";

    /// <summary>No one is signed in (401).</summary>
    public const string Unauthenticated = "crm.unauthenticated";

    /// <summary>The name or the password is wrong (401).</summary>
    public const string SignInFailed = "crm.sign_in_failed";

    /// <summary>The signed-in account may not do this (403).</summary>
    public const string Forbidden = "crm.forbidden";

    /// <summary>A write (POST, PUT, PATCH, DELETE) without a JSON body type, as an HTML form of another site would send it (415).</summary>
    public const string JsonRequired = "crm.json_required";

    /// <summary>A write from a page of another origin, as its browser names it in the <c>Origin</c> header (403).</summary>
    public const string CrossOrigin = "crm.cross_origin";

    /// <summary>An account of that name exists (409).</summary>
    public const string AccountExists = "crm.account_exists";

    /// <summary>The event store cannot be read or written just now (503); nothing changed.</summary>
    public const string Unavailable = "crm.unavailable";

    /// <summary>The month-end run would pay another total than the request's <c>expectedPayout</c> (409); nothing was paid.</summary>
    public const string PayoutChanged = "crm.payout_changed";

    /// <summary>The period's month-end ran already, asked with other content (409); the first run stands.</summary>
    public const string MonthEndConflict = "crm.month_end_conflict";

    /// <summary>Too many writes from one account in a short time (429); try again after <c>Retry-After</c> seconds.</summary>
    public const string RateLimited = "crm.rate_limited";
}
