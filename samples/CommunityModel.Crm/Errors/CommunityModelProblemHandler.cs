using System.Text.Json;
using CommunityModel.Commissions;
using CommunityModel.Memberships;
using CommunityModel.Referrals;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CommunityModel.Crm.Errors;

/// <summary>
/// The one place where errors become RFC 7807 problem details. Every library error is a
/// <see cref="CommunityModelException"/> with a stable <see cref="CommunityModelException.ErrorCode"/>;
/// the code decides the status (<see cref="StatusOf"/>), the message is the detail, and the code, the
/// field at fault and every refusal the library listed go into the problem's extensions. Endpoints
/// never catch: they let the library throw.
/// </summary>
internal sealed class CommunityModelProblemHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <summary>
    /// The HTTP status of a library or CRM error code: 404 an unknown member, order or withdrawal; 409 a conflict with
    /// the state (a used id, a stream another writer moved, a refusal of the value chain, the memberships or the ledger);
    /// else 400 (an unknown sponsor in the body, an unknown item, a price or refund out of range among them).
    /// </summary>
    /// <param name="errorCode">The error code.</param>
    /// <returns>The status.</returns>
    public static int StatusOf(string errorCode) => errorCode switch
    {
        CrmErrorCodes.Unauthenticated or CrmErrorCodes.SignInFailed => StatusCodes.Status401Unauthorized,
        CrmErrorCodes.Forbidden or CrmErrorCodes.CrossOrigin => StatusCodes.Status403Forbidden,
        CrmErrorCodes.JsonRequired => StatusCodes.Status415UnsupportedMediaType,
        CrmErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        CrmErrorCodes.AccountExists or CrmErrorCodes.PayoutChanged or CrmErrorCodes.MonthEndConflict => StatusCodes.Status409Conflict,
        CrmErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.CommunityUnknownMember or ErrorCodes.CommunityUnknownOrder or ErrorCodes.ReferralUnknownMember or CommissionErrorCodes.UnknownWithdrawal => StatusCodes.Status404NotFound,
        ErrorCodes.CommunityIdConflict or ErrorCodes.CommunityOrderNotRefundable or ErrorCodes.CommunityMemberExists or ErrorCodes.CommunityMemberHeld or CommissionErrorCodes.IdConflict
            or ErrorCodes.StreamVersionConflict
            or ErrorCodes.ReferralDuplicateMember or ErrorCodes.ReferralAlreadyBound or ErrorCodes.ReferralCycle
            or ErrorCodes.ReferralLocked or ErrorCodes.ReferralWindowClosed
            or ErrorCodes.MembershipAlreadyActive or ErrorCodes.MembershipNotActive or ErrorCodes.NotAnUpgrade or ErrorCodes.NotADowngrade
            or ErrorCodes.NotEntitled or ErrorCodes.EntitlementExhausted or ErrorCodes.IdempotencyKeyConflict or ErrorCodes.PromoterRightsConflict
            or ErrorCodes.LifecycleTriggerNotPermitted or ErrorCodes.LifecycleGuardsUnmet
            or CommissionErrorCodes.InsufficientBalance or CommissionErrorCodes.RefundExceedsPaid or CommissionErrorCodes.WithdrawalSettled => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            CommunityModelException e => FromLibrary(e),
            BadHttpRequestException e => FromUnreadableRequest(e),
            _ => null,
        };
        if (problem is null)
        {
            return false; // a bug, not a request problem: the default handler answers 500 without details
        }

        if (problem.Detail is { Length: > MaxDetail } detail)
        {
            problem.Detail = detail[..MaxDetail] + "…"; // never echo large input back
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private const int MaxDetail = 300;

    // The problem type is a URN built from the stable code: it names the error without promising a web page.
    private static string TypeOf(string errorCode) => "urn:communitymodel:error:" + errorCode;

    private static ProblemDetails FromLibrary(CommunityModelException e)
    {
        var status = StatusOf(e.ErrorCode);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status401Unauthorized => "Not signed in",
                StatusCodes.Status403Forbidden => "Not allowed",
                StatusCodes.Status503ServiceUnavailable => "Unavailable",
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status415UnsupportedMediaType => "The request must be JSON",
                StatusCodes.Status409Conflict => "The request conflicts with the current state",
                StatusCodes.Status429TooManyRequests => "Too many requests",
                _ => "The request is invalid",
            },
            Detail = e.Message,
            Type = TypeOf(e.ErrorCode),
        };
        problem.Extensions["code"] = e.ErrorCode;
        var field = e switch
        {
            CrmException c => c.Field,
            CommunityException c => c.Field is { } name ? JsonNamingPolicy.CamelCase.ConvertName(name) : null, // the command's OrderId is the request's orderId
            _ => null,
        };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        var errors = e switch
        {
            ReferralException r => r.Refusals.Select(x => new ProblemError(x.Code, x.Message)).ToArray(),
            MembershipRefusedException m => m.Refusals.Select(x => new ProblemError(x.Code, x.Message)).ToArray(),
            WithdrawalRefusedException w => w.Refusals.Select(x => new ProblemError(x.Code, x.Message)).ToArray(),
            _ => null,
        };
        if (errors is { Length: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    // Malformed JSON, a wrong type, or Money/MemberId text the library's converters refuse: the JSON path names the field.
    private static ProblemDetails FromUnreadableRequest(BadHttpRequestException e)
    {
        var json = e.InnerException as JsonException;
        var problem = new ProblemDetails
        {
            Status = e.StatusCode,
            Title = "The request is invalid",
            Detail = json?.Message ?? e.Message,
            Type = TypeOf(CrmErrorCodes.InvalidRequest),
        };
        problem.Extensions["code"] = CrmErrorCodes.InvalidRequest;
        if (json?.Path is { Length: > 2 and <= 100 } path && path.StartsWith("$.", StringComparison.Ordinal))
        {
            problem.Extensions["field"] = path[2..];
        }

        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            problem.Title = "The request body is too large";
            problem.Detail = $"The body may be at most {CrmApp.MaxRequestBodyBytes} bytes.";
        }

        return problem;
    }
}
