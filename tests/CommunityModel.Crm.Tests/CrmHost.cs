using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Crm.Tests;

/// <summary>
/// The CRM started for real: Kestrel on 127.0.0.1 with a free port, its own SQLite file, a fake clock, and an
/// <see cref="HttpClient"/> that talks to it over loopback. Dispose stops it; the file stays for a restart.
/// </summary>
internal sealed class CrmHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CrmHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The CRM's services (its writer, its event serializer).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the CRM on <paramref name="database"/> with the sample's appsettings.json and <paramref name="settings"/> over it.</summary>
    public static async Task<CrmHost> StartAsync(string database, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = Build(database, time, settings);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        return new CrmHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>Builds the CRM without starting it (start-up validation tests start it themselves).</summary>
    public static WebApplication Build(string database, TimeProvider time, IReadOnlyDictionary<string, string?>? settings = null) =>
        CrmApp.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Crm:Database"] = database,
                ["Crm:Port"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddSingleton(time);
        });

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body = null, int expectedStatus = 200)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Client.SendAsync(request);
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

    public Task<JsonNode> RegisterAsync(long member, long? sponsor = null) => PostAsync("/members", new { memberId = member, sponsorId = sponsor }, 201);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
