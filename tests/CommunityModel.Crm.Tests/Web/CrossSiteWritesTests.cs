using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests.Web;

/// <summary>
/// A write with the sign-in cookie that a page of another site could have sent is refused before any endpoint runs:
/// one that is not JSON (an HTML form can send only form data or text) is 415, one from another origin is 403.
/// </summary>
public sealed class CrossSiteWritesTests : StartedCrm
{
    private const string MonthEndClosed = "crm.month_end_closed.v1";

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "confirm=yes")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"confirm\"\r\n\r\nyes\r\n--x--\r\n")]
    [InlineData("text/plain", "{\"confirm\": true}")]
    [InlineData(null, null)]
    public async Task A_write_that_is_not_JSON_is_a_415_even_with_the_admins_cookie_and_runs_nothing(string? contentType, string? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/month-end");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        var problem = await SendAsync(request, 415);

        Assert.Equal("crm.json_required", (string?)problem["code"]);
        Assert.Equal("The request must be JSON", (string?)problem["title"]);
        Assert.Equal(0, StoredEvents.Count(DatabasePath, MonthEndClosed));
    }

    [Fact]
    public async Task A_form_that_registers_a_member_is_a_415_as_well_and_stores_nothing()
    {
        var stored = StoredEvents.All(DatabasePath);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/members") { Content = new FormUrlEncodedContent([new("memberId", "3")]) };

        // An endpoint that reads a JSON body is not even chosen for a form: routing answers 415 before the check.
        Assert.Equal(415, (int?)(await SendAsync(request, 415))["status"]);
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
        await Crm.GetAsync("/members/3", 404);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3000")]  // another port of the same host: the same site, so the cookie goes along
    [InlineData("http://localhost")]
    [InlineData("null")]                   // a sandboxed frame or a data: page
    public async Task A_JSON_write_from_another_origin_is_a_403_and_runs_nothing(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/month-end") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", origin);

        var problem = await SendAsync(request, 403);

        Assert.Equal("crm.cross_origin", (string?)problem["code"]);
        Assert.Equal(0, StoredEvents.Count(DatabasePath, MonthEndClosed));
    }

    [Fact]
    public async Task A_JSON_write_from_the_CRMs_own_origin_or_from_a_client_that_names_none_runs()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/month-end") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", Crm.Address.GetLeftPart(UriPartial.Authority));

        Assert.Equal("2026-03", (string?)(await SendAsync(request, 200))["period"]);
        var again = await Crm.PostAsync("/month-end"); // curl and HttpClient name no origin; the period is closed, so it replays
        Assert.True((bool?)again["replayed"]);
        Assert.Equal(1, StoredEvents.Count(DatabasePath, MonthEndClosed));
    }

    [Fact]
    public async Task Reads_are_not_writes_and_answer_whatever_the_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/members/1");
        request.Headers.Add("Origin", "http://127.0.0.1:3000");

        Assert.Equal(1, (long?)(await SendAsync(request, 200))["id"]);
    }

    [Fact]
    public async Task Signing_in_from_a_form_is_refused_too_and_sets_no_cookie()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in")
        {
            Content = new FormUrlEncodedContent([new("userName", CrmHost.AdminName), new("password", CrmHost.Password)]),
        };

        var anonymous = Crm.Anonymous();
        using var response = await anonymous.Http.SendAsync(request);

        // Routing finds no sign-in that accepts a form; the anonymous caller meets the sign-in requirement first.
        Assert.True(401 == (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        await anonymous.GetAsync("/auth/me", 401);
    }

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, int expectedStatus)
    {
        using var response = await Crm.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        if (expectedStatus >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonNode.Parse(text)!;
    }
}
