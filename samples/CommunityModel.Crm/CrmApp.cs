using System.Net;
using CommunityModel.Commissions.Persistence;
using CommunityModel.Crm.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.Commands;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.MonthEnd;
using CommunityModel.Crm.Operations;
using CommunityModel.Crm.State;
using CommunityModel.Crm.Storage;
using CommunityModel.Crm.Web;
using CommunityModel.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using CommunityModel.Commissions.Telemetry;
using CommunityModel.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommunityModel.Crm;

/// <summary>
/// Builds the CRM: CommunityModel from appsettings.json (<c>Community</c> and <c>Commissions</c> sections, validated
/// at start-up), one <see cref="Community"/> over them, the SQLite event store, replay on start, the endpoints and the problem-details mapping.
/// Listens on loopback only.
/// </summary>
public static class CrmApp
{
    /// <summary>The largest request body accepted (413 above): every request of the API is a few hundred bytes.</summary>
    public const int MaxRequestBodyBytes = 16 * 1024;

    /// <summary>Builds the application.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--Crm:Port=5181</c>).</param>
    /// <param name="configure">Changes to the builder before anything is registered (tests: a fake clock, settings).</param>
    /// <returns>The application, not started.</returns>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);

        // CommunityModel: every capability, its options bound from configuration and validated at start-up.
        builder.Services.AddCommunityModel(builder.Configuration.GetSection("Community"));
        builder.Services.AddCommissions(builder.Configuration.GetSection("Commissions"));

        // Telemetry: the packages' meters and activity sources, exported over OTLP when an endpoint is configured
        // (OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://localhost:4317 for a local collector or the Aspire dashboard).
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("communitymodel-crm"))
                .WithMetrics(metrics => metrics.AddMeter(CommunityModelTelemetry.Name, CommissionsTelemetry.Name).AddOtlpExporter())
                .WithTracing(tracing => tracing.AddSource(CommunityModelTelemetry.Name, CommissionsTelemetry.Name).AddOtlpExporter());
        }

        // The sample's own settings, validated the same way.
        builder.Services.AddOptions<CrmOptions>().Bind(builder.Configuration.GetSection(CrmOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>();

        // Storage: every event type of both packages and the CRM's own, by stable name; the SQLite event store.
        builder.Services.AddSingleton(new EventSerializer(new EventTypeRegistry([.. CommunityEventTypes.All, .. CommissionEventTypes.All, .. CrmEventTypes.All])));
        builder.Services.AddSingleton(sp =>
        {
            var crm = sp.GetRequiredService<IOptions<CrmOptions>>().Value;
            return new SqliteEventStore(crm.ResolvedDatabase(), sp.GetRequiredService<EventSerializer>(), crm.FlushEachCommit);
        });
        builder.Services.TryAddSingleton<IEventLog>(sp => sp.GetRequiredService<SqliteEventStore>()); // tests put a failing one in front
        builder.Services.AddSingleton(sp => new AccountStore(sp.GetRequiredService<IOptions<CrmOptions>>().Value.ResolvedDatabase()));

        // Sign-in: a cookie for the web page and the API alike (HttpOnly, SameSite=Strict, so another site cannot send
        // it); an API call without it is 401, with the wrong role 403, both as problem details, never a redirect. The
        // cookie's keys live in the data folder, so a restart keeps everyone signed in.
        var dataDirectory = builder.Configuration.GetSection(CrmOptions.Section).Get<CrmOptions>()?.ResolvedDataDirectory() ?? new CrmOptions().ResolvedDataDirectory();
        builder.Services.AddDataProtection().SetApplicationName("communitymodel-crm").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.TimeProvider = TimeProvider.System; // sessions expire by the wall clock, whatever clock the business runs on
            cookie.Cookie.Name = "crm.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => Refuse(context.Response, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Refuse(context.Response, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(CrmRoles.StaffPolicy, policy => policy.RequireRole(CrmRoles.Staff, CrmRoles.Admin))
            .AddPolicy(CrmRoles.AdminPolicy, policy => policy.RequireRole(CrmRoles.Admin));

        // State and commands: a community built with the registered parts and options, rebuilt from the store on start.
        builder.Services.AddSingleton<CommunityFactory>();
        builder.Services.AddSingleton<CommunityWriter>();
        builder.Services.AddHostedService<CommunityLoader>();
        builder.Services.AddSingleton<IMonthEnd, FreezeReleaseMonthEnd>();
        builder.Services.AddSingleton<MonthEndProcess>();
        builder.Services.AddSingleton<CrmCommands>();
        builder.Services.AddSingleton<CrmQueries>();

        // HTTP: source-generated JSON, RFC 7807 problem details through one exception handler.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CrmJsonContext.Default));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // unreadable bodies reach the handler too
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<CommunityModelProblemHandler>();

        // Operations: /health, /ready, the OpenAPI document, the write limiter (Operations/CrmOperations.cs).
        builder.Services.AddCrmOperations();

        // Loopback only, whatever ASPNETCORE_URLS says: a CRM back office is not exposed by a sample.
        var port = builder.Configuration.GetValue($"{CrmOptions.Section}:{nameof(CrmOptions.Port)}", new CrmOptions().Port);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port is >= 0 and <= 65535 ? port : 0);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebPage(); // the page at /, open to anyone: it holds no data, the API it calls asks for the cookie
        app.UseAuthentication();
        app.UseCrmRateLimits();
        app.UseAuthorization();
        app.UseCrossSiteWriteChecks(); // a write another site's page could have sent never reaches an endpoint
        AccountEndpoints.Map(app);
        CrmEndpoints.Map(app);
        app.MapCrmOperations();
        return app;
    }

    // The status alone: the status-code pages write the problem details.
    private static Task Refuse(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
