using CommunityModel.DependencyInjection;
using CommunityModel.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="CommunityMetrics"/> with validated <see cref="MetricsOptions"/>.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CommunityMetrics"/> as a singleton, with <see cref="MetricsOptions"/> bound from a
    /// configuration section (e.g. <c>config.GetSection("Community:Metrics")</c>) and validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding the metrics options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCommunityMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The binder cannot read a rate ("60%"); it is read as text, and a value that does not parse is reported at start-up.
        services.BindStrictly(configuration, static () => new MetricsOptions(), static (c, o) =>
        {
            c.Bind(o);
            o.GrossMargin = ConfigurationText.Rate(c, nameof(MetricsOptions.GrossMargin), o.BindingProblems) ?? o.GrossMargin;
        });
        services.AddValidatorNamingSection<MetricsOptions, MetricsOptionsValidator>(configuration, (_, path) => new MetricsOptionsValidator(path));
        return services.AddCommunityMetricsCore();
    }

    /// <summary>Registers <see cref="CommunityMetrics"/> as a singleton, with <see cref="MetricsOptions"/> set in code and validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.TimeZone = "Asia/Hong_Kong"</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCommunityMetrics(this IServiceCollection services, Action<MetricsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MetricsOptions>().Configure(configure);
        return services.AddCommunityMetricsCore();
    }

    /// <summary>Registers <see cref="CommunityMetrics"/> as a singleton with the default <see cref="MetricsOptions"/> (Asia/Shanghai, CNY, the whole value chain).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCommunityMetrics(this IServiceCollection services) => services.AddCommunityMetricsCore();

    private static IServiceCollection AddCommunityMetricsCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MetricsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>());
        services.TryAddSingleton(sp => new CommunityMetrics(sp.GetRequiredService<IOptions<MetricsOptions>>()));
        return services;
    }
}
