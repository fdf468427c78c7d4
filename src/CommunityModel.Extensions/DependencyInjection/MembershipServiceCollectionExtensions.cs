using CommunityModel.DependencyInjection;
using CommunityModel.Catalog;
using CommunityModel.Memberships;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the catalog (<see cref="ProductCatalog"/>) and memberships (<see cref="MembershipPlan"/>,
/// <see cref="MembershipDesk"/>) from configuration or code. Definitions are validated when the host
/// starts (<c>ValidateOnStart</c>), so a duplicate product id, an unknown product in a tier, an
/// inclusion cycle or an unknown time zone stops start-up with every problem named.
/// </summary>
public static class MembershipServiceCollectionExtensions
{
    /// <summary>Registers the catalog bound from a configuration section such as <c>Catalog</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section holding <c>Products</c> and optionally <c>PriceBands</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.BindStrictly(section, static () => new CatalogOptions(), MembershipConfigurationReader.Read);
        services.AddValidatorNamingSection<CatalogOptions, CatalogOptionsValidator>(section, (_, path) => new CatalogOptionsValidator(path));
        return AddCatalogCore(services);
    }

    /// <summary>Registers a catalog defined in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Defines the products, e.g. <c>c =&gt; c.UseSeedBusiness()</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCatalog(this IServiceCollection services, Action<CatalogBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CatalogOptions>().Configure(options => configure(new CatalogBuilder(options))).ValidateOnStart();
        return AddCatalogCore(services);
    }

    /// <summary>Registers the membership plan bound from a configuration section such as <c>Memberships</c>, and the <see cref="MembershipDesk"/>; register the catalog too.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section holding <c>Tiers</c> and the policies.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMemberships(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.BindStrictly(section, static () => new MembershipOptions(), MembershipConfigurationReader.Read);
        services.AddValidatorNamingSection<MembershipOptions, MembershipOptionsValidator>(
            section, (sp, path) => new MembershipOptionsValidator(sp.GetRequiredService<IOptions<CatalogOptions>>(), path));
        return AddMembershipsCore(services);
    }

    /// <summary>Registers a membership plan defined in code, and the <see cref="MembershipDesk"/>; register the catalog too.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Defines the tiers and policies, e.g. <c>p =&gt; p.UseSeedBusiness()</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMemberships(this IServiceCollection services, Action<MembershipPlanBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MembershipOptions>().Configure(options => configure(new MembershipPlanBuilder(options))).ValidateOnStart();
        return AddMembershipsCore(services);
    }

    private static IServiceCollection AddCatalogCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>());
        services.TryAddSingleton(sp => ProductCatalog.Create(sp.GetRequiredService<IOptions<CatalogOptions>>().Value));
        return services;
    }

    private static IServiceCollection AddMembershipsCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MembershipOptions>, MembershipOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => MembershipPlan.Create(sp.GetRequiredService<ProductCatalog>(), sp.GetRequiredService<IOptions<MembershipOptions>>().Value));
        services.TryAddSingleton(sp => new MembershipDesk(sp.GetRequiredService<MembershipPlan>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
