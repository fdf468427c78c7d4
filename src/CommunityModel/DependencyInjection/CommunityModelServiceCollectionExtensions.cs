using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// <c>services.AddCommunityModel(configuration.GetSection("Community"))</c>: every CommunityModel capability,
/// its options bound from configuration and validated at start-up, and <see cref="TimeProvider.System"/>
/// unless a <see cref="TimeProvider"/> is already registered.
/// </summary>
public static class CommunityModelServiceCollectionExtensions
{
    /// <summary>Registers CommunityModel with options bound from configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The CommunityModel section (e.g. <c>Community</c>), with a sub-section per capability.</param>
    /// <returns>The services.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddCommunityModel(builder.Configuration.GetSection("Community"));
    /// </code>
    /// </example>
    public static IServiceCollection AddCommunityModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddLifecycles(configuration);
    }

    /// <summary>Registers CommunityModel with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options through the builder.</param>
    /// <returns>The services.</returns>
    /// <example>
    /// <code>
    /// services.AddCommunityModel(community => community
    ///     .ConfigureLifecycle(o => o.MinimumPartnerReferrals = 5)
    ///     .ConfigureMemberNumbers(o => o.SequenceWidth = 8));
    /// </code>
    /// </example>
    public static IServiceCollection AddCommunityModel(this IServiceCollection services, Action<CommunityModelBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddLifecycles();
        configure(new CommunityModelBuilder(services));
        return services;
    }
}
