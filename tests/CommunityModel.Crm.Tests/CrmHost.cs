using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using CommunityModel.Crm.Accounts;
using CommunityModel.Crm.Errors;
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
    /// <summary>The admin every test host starts with (created as <c>create-admin</c> would).</summary>
    public const string AdminName = "admin";

    /// <summary>The test accounts' password.</summary>
    public const string Password = "correct horse battery";

    private readonly WebApplication _app;
    private readonly List<CrmClient> _clients = [];

    private CrmHost(WebApplication app, Uri address, CrmClient admin)
    {
        _app = app;
        Address = address;
        Admin = admin;
        _clients.Add(admin);
    }

    public Uri Address { get; }

    /// <summary>Signed in as the admin.</summary>
    public CrmClient Admin { get; }

    /// <summary>The admin's HTTP client.</summary>
    public HttpClient Client => Admin.Http;

    /// <summary>The CRM's services (its writer, its event serializer).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the CRM on <paramref name="database"/> with the sample's appsettings.json and <paramref name="settings"/> over it, and signs in as the admin.</summary>
    public static async Task<CrmHost> StartAsync(string database, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = Build(database, time, settings, services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        await EnsureAccountAsync(app.Services, AdminName, CrmRoles.Admin, null);
        var uri = new Uri(address);
        return new CrmHost(app, uri, await new CrmClient(uri).SignInAsync(AdminName, Password));
    }

    /// <summary>Builds the CRM without starting it (start-up validation tests start it themselves).</summary>
    public static WebApplication Build(string database, TimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        CrmApp.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Crm:DataDirectory"] = System.IO.Path.GetDirectoryName(database),
                ["Crm:Database"] = database,
                ["Crm:Port"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddSingleton(time);
            services?.Invoke(builder.Services);
        });

    /// <summary>A new caller, signed in as nobody.</summary>
    public CrmClient Anonymous() => Track(new CrmClient(Address));

    /// <summary>A new caller signed in as the member's own account (created on first use).</summary>
    public async Task<CrmClient> MemberAsync(long member) => await SignInAsync($"member-{member}", CrmRoles.Member, member);

    /// <summary>A new caller signed in as a member of staff.</summary>
    public async Task<CrmClient> StaffAsync(string name = "staff-li") => await SignInAsync(name, CrmRoles.Staff, null);

    public Task<JsonNode> SendAsync(HttpMethod method, string path, object? body = null, int expectedStatus = 200) => Admin.SendAsync(method, path, body, expectedStatus);

    public Task<JsonNode> GetAsync(string path, int expectedStatus = 200) => Admin.GetAsync(path, expectedStatus);

    public Task<JsonNode> PostAsync(string path, object? body = null, int expectedStatus = 200) => Admin.PostAsync(path, body, expectedStatus);

    public Task<JsonNode> RegisterAsync(long member, long? sponsor = null) => PostAsync("/members", new { memberId = member, sponsorId = sponsor }, 201);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task EnsureAccountAsync(IServiceProvider services, string name, string role, MemberId? member)
    {
        try
        {
            await services.GetRequiredService<AccountStore>().CreateAsync(name, Password, role, member, CancellationToken.None);
        }
        catch (CrmException e) when (e.ErrorCode == CrmErrorCodes.AccountExists)
        {
            // a restarted host on the same file
        }
    }

    private async Task<CrmClient> SignInAsync(string name, string role, long? member)
    {
        await EnsureAccountAsync(_app.Services, name, role, member is { } m ? new MemberId(m) : null);
        return await Track(new CrmClient(Address)).SignInAsync(name, Password);
    }

    private CrmClient Track(CrmClient client)
    {
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }
}
