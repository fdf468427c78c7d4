using CommunityModel;
using CommunityModel.Catalog;
using CommunityModel.DependencyInjection;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Referrals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the <see cref="Community"/> over the registered parts: the value chain, the referral options, member
/// numbers, and the catalog, membership desk, commissions and referral credits when they are registered. Its rules
/// (<see cref="CommunityOptions"/>) are checked against the membership plan when the host starts.
/// </summary>
public static class CommunityServiceCollectionExtensions
{
    /// <summary>Registers the community, its rules bound from a section such as <c>Community:Rules</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The rules section; it may be absent (the defaults apply).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCommunity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindStrictly(configuration, static () => new CommunityOptions(), static (c, o) =>
        {
            c.Bind(o);
            o.PromoterSpendingThreshold = ConfigurationText.Money(c, nameof(CommunityOptions.PromoterSpendingThreshold), o.BindingProblems) ?? o.PromoterSpendingThreshold;
        });
        services.AddValidatorNamingSection<CommunityOptions, CommunityRulesValidator>(configuration, (sp, path) => new CommunityRulesValidator(sp, path));
        return AddCommunityCore(services);
    }

    /// <summary>Registers the community, its rules set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the rules.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCommunity(this IServiceCollection services, Action<CommunityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CommunityOptions>().Configure(configure);
        return AddCommunityCore(services);
    }

    private static IServiceCollection AddCommunityCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLifecycles();
        services.AddOptions<CommunityOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommunityOptions>, CommunityRulesValidator>(sp => new CommunityRulesValidator(sp, null)));
        services.TryAddSingleton(sp => new Community(
            sp.GetRequiredService<ValueChain>(),
            sp.GetRequiredService<IOptions<ReferralOptions>>().Value,
            sp.GetRequiredService<IOptions<MemberNumberOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CommunityOptions>>().Value,
            sp.GetService<ProductCatalog>(),
            sp.GetService<MembershipDesk>(),
            sp.GetService<ICommunityCommissions>(),
            sp.GetRequiredService<IOptions<ValueChainOptions>>().Value,
            sp.GetService<CommunityModel.Credits.CreditOptions>()));
        return services;
    }
}
