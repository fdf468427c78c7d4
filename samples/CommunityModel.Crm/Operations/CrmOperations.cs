using System.Globalization;
using System.Threading.RateLimiting;
using CommunityModel.Crm.Errors;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.Operations;

/// <summary>
/// What running the CRM needs beside its API: <c>/health</c> (the process answers) and <c>/ready</c> (the database
/// answers and the writer takes commands), both without sign-in; the OpenAPI document at <c>/openapi/v1.json</c>; and a
/// limit on writes per account (<see cref="CrmOptions.WritesPerSecond"/>, <see cref="CrmOptions.WriteBurst"/>), answered
/// with 429 problem details and <c>Retry-After</c>.
/// </summary>
internal static class CrmOperations
{
    /// <summary>Registers the health checks, the OpenAPI document and the write limiter.</summary>
    /// <param name="services">The services.</param>
    public static void AddCrmOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ReadinessCheck>("store-and-writer", tags: [ReadinessCheck.Tag]);
        services.AddOpenApi();
        services.AddRateLimiter(limiter =>
        {
            // Reads are not limited; each signed-in account has its own bucket of writes, anonymous writes (sign-in) one per address.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var options = http.RequestServices.GetRequiredService<IOptions<CrmOptions>>().Value;
                var key = http.User.Identity is { IsAuthenticated: true, Name: { } name } ? "account:" + name : "address:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.WriteBurst,
                    TokensPerPeriod = options.WritesPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"This account made more writes than the CRM takes ({CrmOptions.Section}:{nameof(CrmOptions.WritesPerSecond)}); nothing was done. Try again in {retryAfter} s.",
                    Type = "urn:communitymodel:error:" + CrmErrorCodes.RateLimited,
                };
                problem.Extensions["code"] = CrmErrorCodes.RateLimited;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
    }

    /// <summary>The write limiter, after authentication (it partitions by account) and before the endpoints.</summary>
    /// <param name="app">The application.</param>
    public static void UseCrmRateLimits(this WebApplication app) => app.UseRateLimiter();

    /// <summary>Maps <c>/health</c>, <c>/ready</c> and <c>/openapi/v1.json</c>, none of which needs a sign-in.</summary>
    /// <param name="app">The application.</param>
    public static void MapCrmOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessCheck.Tag) }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
    }
}
