using CommunityModel.DependencyInjection;
using CommunityModel.Organisation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the organisation (组织机构: 总部-班长-组长-学生): <see cref="OrganisationOptions"/> validated at start-up, each
/// failure naming its setting, and one <see cref="Organisation"/> over them and the registered <see cref="TimeProvider"/>.
/// </summary>
public static class OrganisationServiceCollectionExtensions
{
    /// <summary>Adds the organisation, its rules bound from <paramref name="configuration"/> (e.g. <c>Community:Organisation</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section of the rules; the quorum is written with its unit (<c>"50%"</c>).</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddOrganisation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindStrictly(configuration, static () => new OrganisationOptions(), static (c, o) =>
        {
            c.Bind(o);
            o.ElectionQuorum = ConfigurationText.Rate(c, nameof(OrganisationOptions.ElectionQuorum), o.BindingProblems) ?? o.ElectionQuorum;
            var topics = c.GetSection(nameof(OrganisationOptions.BannedTopics));
            if (topics.Exists())
            {
                o.BannedTopics = [.. topics.GetChildren().Select(t => t.Value ?? string.Empty)]; // the configured list replaces the defaults
            }
        });
        services.AddValidatorNamingSection<OrganisationOptions, OrganisationOptionsValidator>(configuration, static (_, path) => new OrganisationOptionsValidator(path));
        return AddOrganisationCore(services);
    }

    /// <summary>Adds the organisation with rules set in code, validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the rules, e.g. <c>o =&gt; o.TieRule = ElectionTieRule.FirstListed</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddOrganisation(this IServiceCollection services, Action<OrganisationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OrganisationOptions>().Configure(configure);
        return AddOrganisationCore(services);
    }

    private static IServiceCollection AddOrganisationCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OrganisationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrganisationOptions>, OrganisationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new Organisation(sp.GetRequiredService<IOptions<OrganisationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
