using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CommunityModel.Crm.Tests.Browser;

/// <summary>
/// A page of another origin on the same host, in the same Chromium where an admin is signed in, tries to run
/// month-end. The browser sends the cookie along (another port is the same site, so SameSite=Strict does not hold
/// it back); the CRM refuses the request anyway, because it is not JSON from its own origin.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossSitePostTests(Chromium chromium) : StartedCrm
{
    [Fact]
    public async Task A_form_and_a_script_of_another_origin_cannot_run_month_end_with_the_admins_cookie()
    {
        await using var page = await CrmPage.OpenAsync(chromium, Crm.Address);
        await page.SignInAsync(CrmHost.AdminName, CrmHost.Password);
        await Microsoft.Playwright.Assertions.Expect(page.Region("Month-end")).ToBeVisibleAsync();

        // The other site: another port of 127.0.0.1, as a development server beside the CRM would be.
        var monthEnd = new Uri(Crm.Address, "/month-end").ToString();
        await using var other = await StartSiteAsync($$"""
            <!doctype html><title>Win a prize</title>
            <form method="post" action="{{monthEnd}}" enctype="text/plain"><input name="prize" value="yes"></form>
            <script>
              // a script without CORS: its request goes out with the cookie, its answer is opaque; then the form
              fetch("{{monthEnd}}", { method: "POST", mode: "no-cors", credentials: "include", body: "{}" })
                .finally(() => document.forms[0].submit());
            </script>
            """);

        var refused = await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.GotoAsync(other.Urls.Single()),
            r => r.Url == monthEnd && r.Request.IsNavigationRequest);

        Assert.Equal(415, refused.Status);
        var sent = await refused.Request.AllHeadersAsync();
        Assert.Contains("crm.auth=", sent["cookie"], StringComparison.Ordinal); // the browser did send the admin's cookie
        Assert.Equal(other.Urls.Single().TrimEnd('/'), sent["origin"]);
        Assert.Equal(0, StoredEvents.Count(DatabasePath, "crm.month_end_closed.v1"));
        await Crm.GetAsync("/auth/me"); // the admin is still signed in and nothing else changed
    }

    private static async Task<WebApplication> StartSiteAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var site = builder.Build();
        site.MapGet("/", () => Results.Content(html, "text/html"));
        await site.StartAsync();
        return site;
    }
}
