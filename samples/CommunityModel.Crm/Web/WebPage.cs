namespace CommunityModel.Crm.Web;

/// <summary>
/// The back-office page: <c>wwwroot/index.html</c>, its script and its style sheet, served at <c>/</c> to anyone (the page
/// holds no data; everything it shows comes from the API, which asks for the sign-in cookie). Every file goes out with a
/// Content-Security-Policy that lets the page run only its own script and style and talk only to its own origin, so
/// neither an injected inline script nor another site's frame around it can act.
/// </summary>
internal static class WebPage
{
    /// <summary>The page's Content-Security-Policy: its own files only, no inline script or style, no frames, no plugins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Serves <c>wwwroot</c> (the folder beside the binaries), <c>/</c> being <c>index.html</c>.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseWebPage(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                var headers = file.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache"; // a new version of the sample shows at the next load
            },
        });
    }
}
