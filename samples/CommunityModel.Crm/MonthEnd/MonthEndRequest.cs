namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// <c>POST /month-end</c> (admin). A period is closed once: the same request again answers the first run's report
/// (<c>"replayed": true</c>), the same period with another <see cref="ExpectedPayout"/> is a 409.
/// </summary>
/// <param name="Period">The month to close, <c>yyyy-MM</c> in the plan's time zone; the current month when left out, and only the current month can be started.</param>
/// <param name="ExpectedPayout">The total of the pending withdrawals the admin reviewed; when given, a run that would pay another total is refused (409 <c>crm.payout_changed</c>) and nothing is paid.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record MonthEndRequest(string? Period = null, Money? ExpectedPayout = null)
{
    /// <summary>Reads the request's JSON body; an empty body asks for the current month with no payout check.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The month-end request.</returns>
    /// <exception cref="BadHttpRequestException">The body is not JSON (415) or not a month-end request (400); the problem names the field.</exception>
    internal static async Task<MonthEndRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType()))
        {
            return new MonthEndRequest();
        }

        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await request.ReadFromJsonAsync(Storage.CrmJsonContext.Default.MonthEndRequest, cancellationToken) ?? new MonthEndRequest();
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadHttpRequestException("The body is not a month-end request.", StatusCodes.Status400BadRequest, e);
        }
    }
}
