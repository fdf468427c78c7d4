using CommunityModel.Crm.Errors;

namespace CommunityModel.Crm.Web;

/// <summary>
/// Keeps a page of another site from writing with the sign-in cookie. The cookie is SameSite=Strict, so a browser
/// leaves it off requests from other sites; but another port of the same host is the same site (a development server
/// on <c>localhost:3000</c> beside the CRM on <c>localhost:5180</c>), and an HTML form there could post to the CRM with
/// the cookie. So every write (any method but GET, HEAD, OPTIONS and TRACE) that reached one of the CRM's endpoints:
/// <list type="number">
/// <item>must say its body is JSON (<c>Content-Type: application/json</c> or <c>+json</c>), even when it has none
/// (<c>POST /month-end</c>): a form can send only form data or text, and a script of another origin that sets a JSON
/// type is held by the browser's CORS preflight, which the CRM never grants. Otherwise 415 <c>crm.json_required</c>;</item>
/// <item>must come from the CRM's own origin when the browser names one (<c>Origin</c>): otherwise 403
/// <c>crm.cross_origin</c>. Clients that are not browsers (curl, the tests' <see cref="HttpClient"/>) send no origin.</item>
/// </list>
/// Both checks run after sign-in and the role are checked (401 and 403 come first) and before any endpoint, so nothing
/// is decided on a refused request.
/// </summary>
internal static class CrossSiteWrites
{
    /// <summary>Adds the checks to the pipeline.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseCrossSiteWriteChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Only a write that reached one of the CRM's endpoints: routing answers the others itself (404, 405, 415).
        if (context.GetEndpoint() is RouteEndpoint)
        {
            Check(context.Request);
        }

        await next(context);
    });

    /// <summary>Refuses a write that a page of another origin could have sent.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="CrmException"><c>crm.json_required</c> (415) or <c>crm.cross_origin</c> (403).</exception>
    public static void Check(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return;
        }

        if (!request.HasJsonContentType())
        {
            throw new CrmException(CrmErrorCodes.JsonRequired, "Writes must send Content-Type: application/json, with a body or without one.");
        }

        var origin = request.Headers.Origin;
        if (origin.Count > 0 && (origin.Count > 1 || !string.Equals(origin[0], $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CrmException(CrmErrorCodes.CrossOrigin, "A page of another origin may not write to the CRM.");
        }
    }
}
