using CommunityModel.DependencyInjection;
using System.Diagnostics.CodeAnalysis;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Onboarding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the lifecycles (value chain, onboarding) and member numbers: options bound from configuration
/// and validated at start-up, the singletons that serve every member, and <see cref="TimeProvider.System"/>
/// unless a <see cref="TimeProvider"/> is already registered. Safe to call more than once.
/// </summary>
public static class LifecycleServiceCollectionExtensions
{
    /// <summary>The configuration section of the value chain's options.</summary>
    public const string LifecycleSection = "Lifecycle";

    /// <summary>The configuration section of the onboarding options.</summary>
    public const string OnboardingSection = "Onboarding";

    /// <summary>The configuration section of the member-number scheme.</summary>
    public const string MemberNumbersSection = "MemberNumbers";

    /// <summary>Registers the lifecycles, binding their options from sections of <paramref name="configuration"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The CommunityModel section, holding <c>Lifecycle</c>, <c>Onboarding</c> and <c>MemberNumbers</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLifecycles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var lifecycle = configuration.GetSection(LifecycleSection);
        var onboarding = configuration.GetSection(OnboardingSection);
        var memberNumbers = configuration.GetSection(MemberNumbersSection);

        // Before AddLifecycles(), whose path-less validators would otherwise be the ones kept.
        services.AddValidatorNamingSection<ValueChainOptions, ValueChainOptionsValidator>(lifecycle, (_, path) => new ValueChainOptionsValidator(path));
        services.AddValidatorNamingSection<OnboardingOptions, OnboardingOptionsValidator>(onboarding, (_, path) => new OnboardingOptionsValidator(path));
        services.AddValidatorNamingSection<MemberNumberOptions, MemberNumberOptionsValidator>(memberNumbers, (_, path) => new MemberNumberOptionsValidator(path));
        services.AddLifecycles();
        services.BindStrictly(lifecycle, static () => new ValueChainOptions(), static (c, o) => c.Bind(o));
        services.BindStrictly(onboarding, static () => new OnboardingOptions(), static (c, o) => c.Bind(o));
        services.BindStrictly(memberNumbers, static () => new MemberNumberOptions(), static (c, o) => c.Bind(o));
        return services;
    }

    /// <summary>Registers the lifecycles with default options (change them with <c>services.Configure&lt;T&gt;</c> or the builder).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLifecycles(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<ValueChainOptions, ValueChainOptionsValidator>();
        services.AddValidatedOptions<OnboardingOptions, OnboardingOptionsValidator>();
        services.AddValidatedOptions<MemberNumberOptions, MemberNumberOptionsValidator>();
        services.TryAddSingleton<ValueChain>();
        services.TryAddSingleton<OnboardingProcess>();
        services.TryAddSingleton<MemberNumberIssuer>();
        return services;
    }

    private static void AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
