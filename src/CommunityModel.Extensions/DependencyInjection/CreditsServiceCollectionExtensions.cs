using CommunityModel;
using CommunityModel.Catalog;
using CommunityModel.Credits;
using CommunityModel.DependencyInjection;
using CommunityModel.Memberships;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers referral credits (会员用转介绍兑换一切): <see cref="CreditOptions"/> validated at start-up, each failure naming
/// its setting; the <see cref="CommunityModel.Community"/> registered by <c>AddCommunity</c> keeps the credits when they are registered.
/// </summary>
public static class CreditsServiceCollectionExtensions
{
    /// <summary>Adds referral credits, their rules bound from <paramref name="configuration"/> (e.g. <c>Community:Credits</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section of the rules.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddReferralCredits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindStrictly(configuration, static () => new CreditOptions(), static (c, o) =>
        {
            c.Bind(o);
            o.PurchaseRate = ConfigurationText.Rate(c, nameof(CreditOptions.PurchaseRate), o.BindingProblems) ?? o.PurchaseRate;
        });
        services.AddValidatorNamingSection<CreditOptions, CreditOptionsValidator>(configuration, (sp, path) => new CreditOptionsValidator(path, () => SoldItems(sp)));
        return AddCreditsCore(services);
    }

    /// <summary>Adds referral credits with rules set in code, validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the rules, e.g. <c>o =&gt; o.PerReferral = 100</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddReferralCredits(this IServiceCollection services, Action<CreditOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CreditOptions>().Configure(configure);
        return AddCreditsCore(services);
    }

    private static IServiceCollection AddCreditsCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CreditOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CreditOptions>, CreditOptionsValidator>(sp => new CreditOptionsValidator(null, () => SoldItems(sp))));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CreditOptions>>().Value);
        return services;
    }

    // The tiers and products the community sells; null when the catalog or plan is invalid itself (its own validator reports it).
    private static HashSet<string>? SoldItems(IServiceProvider services)
    {
        try
        {
            var tiers = services.GetService<MembershipPlan>()?.Tiers.Select(t => t.Id) ?? [];
            var products = services.GetService<ProductCatalog>()?.Products.Select(p => p.Id) ?? [];
            return [.. tiers.Concat(products)];
        }
        catch (Exception e) when (e is OptionsValidationException or CommunityModelException)
        {
            return null;
        }
    }
}
