using CommunityModel.Metrics.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="GrowthSimulator"/> with validated <see cref="GrowthSimulationOptions"/>.</summary>
public static class SimulationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GrowthSimulator"/> as a singleton, with <see cref="GrowthSimulationOptions"/> bound from a
    /// configuration section (e.g. <c>config.GetSection("Community:Simulation")</c>) and validated at start-up. A
    /// registered <see cref="ICommissionPayout"/> pays the commissions; without one, the options' level rates do.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding the simulation options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddGrowthSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GrowthSimulationOptions>().Bind(configuration);
        return services.AddGrowthSimulatorCore();
    }

    /// <summary>Registers <see cref="GrowthSimulator"/> as a singleton, with <see cref="GrowthSimulationOptions"/> set in code and validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.Months = 36</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddGrowthSimulator(this IServiceCollection services, Action<GrowthSimulationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GrowthSimulationOptions>().Configure(configure);
        return services.AddGrowthSimulatorCore();
    }

    private static IServiceCollection AddGrowthSimulatorCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrowthSimulationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrowthSimulationOptions>, GrowthSimulationOptionsValidator>());
        services.TryAddSingleton(sp => new GrowthSimulator(sp.GetRequiredService<IOptions<GrowthSimulationOptions>>(), sp.GetService<ICommissionPayout>()));
        return services;
    }
}
