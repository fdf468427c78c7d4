using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests;

/// <summary>One browser-like caller of the CRM: its own cookie jar, so each account signs in separately.</summary>
internal sealed class CrmClient : IDisposable
{
    public CrmClient(Uri address) =>
        Http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = address };

    public HttpClient Http { get; }

    /// <summary>Signs in; the cookie is kept for the calls that follow.</summary>
    public async Task<CrmClient> SignInAsync(string userName, string password)
    {
        await SendAsync(HttpMethod.Post, "/auth/sign-in", new { userName, password });
        return this;
    }

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body = null, int expectedStatus = 200)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        if (expectedStatus >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonNode.Parse(text) ?? throw new JsonException($"{method} {path} answered no JSON.");
    }

    public Task<JsonNode> GetAsync(string path, int expectedStatus = 200) => SendAsync(HttpMethod.Get, path, null, expectedStatus);

    public Task<JsonNode> PostAsync(string path, object? body = null, int expectedStatus = 200) => SendAsync(HttpMethod.Post, path, body ?? new { }, expectedStatus);

    public void Dispose() => Http.Dispose();
}
