using CommunityModel.DependencyInjection;
using CommunityModel.Referrals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the referral network (转介绍) with validated <see cref="ReferralOptions"/>.</summary>
public static class ReferralServiceCollectionExtensions
{
    /// <summary>Adds the referral network, its options bound from <paramref name="configuration"/> (e.g. <c>Community:Referrals</c>) and validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section of the options.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddReferrals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindStrictly(configuration, static () => new ReferralOptions(), static (c, o) => c.Bind(o));
        services.AddValidatorNamingSection<ReferralOptions, ReferralOptionsValidator>(configuration, (_, path) => new ReferralOptionsValidator(path));
        return AddReferralCore(services);
    }

    /// <summary>Adds the referral network with options set in code, validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.Mode = ReferralBindingMode.AtRegistrationOnly</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddReferrals(this IServiceCollection services, Action<ReferralOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ReferralOptions>().Configure(configure);
        return AddReferralCore(services);
    }

    private static IServiceCollection AddReferralCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReferralOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferralOptions>, ReferralOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ReferralNetwork(sp.GetRequiredService<IOptions<ReferralOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
