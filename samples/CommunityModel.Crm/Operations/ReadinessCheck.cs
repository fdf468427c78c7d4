using CommunityModel.Crm.State;
using CommunityModel.Crm.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunityModel.Crm.Operations;

/// <summary><c>GET /ready</c>: the database answers a read and the writer takes commands (memory matches the store).</summary>
internal sealed class ReadinessCheck(IEventLog store, CommunityWriter writer) : IHealthCheck
{
    /// <summary>The tag of the checks <c>/ready</c> runs.</summary>
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
        }
#pragma warning disable CA1031 // any failure to read is "not ready", reported rather than thrown
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", e);
        }

        return writer.IsRunning ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The writer is not running.");
    }
}
