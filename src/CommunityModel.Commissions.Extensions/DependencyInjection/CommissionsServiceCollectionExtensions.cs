using CommunityModel;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.DependencyInjection;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Simulation;
using CommunityModel.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the commission plan, the per-order <see cref="CommissionCalculator"/>, the month-end
/// <see cref="CommissionRun"/>, the <see cref="CommissionLedger"/> and the <see cref="ComplianceLinter"/>, with options
/// validated at start-up.
/// </summary>
public static class CommissionsServiceCollectionExtensions
{
    /// <summary>Adds the commissions services, options bound from <paramref name="configuration"/> (e.g. <c>Community:Commissions</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section with <c>Plan</c>, <c>Ledger</c>, <c>Run</c> and <c>ComplianceProfiles</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddCommissions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindStrictly(configuration, static () => new CommissionsOptions(), CommissionsConfigurationReader.Read);

        // Failures name the settings under the section actually bound (e.g. Community:Commissions:Ledger:FreezePeriod).
        var sectionPath = (configuration as IConfigurationSection)?.Path;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommissionsOptions>, CommissionsOptionsValidator>(_ => new CommissionsOptionsValidator(sectionPath)));
        return AddCommissionsCore(services);
    }

    /// <summary>Adds the commissions services, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the plan, ledger, run and profiles, e.g. <c>c =&gt; c.Plan("standard", p =&gt; p.Level(Rate.FromPercent(10)))</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddCommissions(this IServiceCollection services, Action<CommissionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        configure(new CommissionsBuilder(services));
        return AddCommissionsCore(services);
    }

    private static IServiceCollection AddCommissionsCore(IServiceCollection services)
    {
        services.AddOptions<CommissionsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommissionsOptions>, CommissionsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CommissionPlan.Create(Options(sp).Plan));
        services.TryAddSingleton(sp => new CommissionCalculator(sp.GetRequiredService<CommissionPlan>()));
        services.TryAddSingleton(sp => new CommissionRun(sp.GetRequiredService<CommissionPlan>(), Options(sp).Run));
        services.TryAddSingleton(sp => new CommissionLedger(Options(sp).Ledger, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CommunityCommissions(sp.GetRequiredService<CommissionCalculator>(), sp.GetRequiredService<CommissionLedger>(), CommunityRoleMap.Create(Options(sp).CommunityRoles, sp.GetRequiredService<CommissionPlan>())));
        services.TryAddSingleton<ICommunityCommissions>(sp => sp.GetRequiredService<CommunityCommissions>());
        services.TryAddSingleton(sp => new ComplianceLinter(Options(sp).ComplianceProfiles));

        // The growth simulator (AddGrowthSimulator) simulates communities that pay commissions by the registered plan.
        services.TryAddSingleton<ISimulationCommunityFactory>(sp => new CommissionedCommunityFactory(sp.GetRequiredService<CommissionPlan>(), Options(sp).Ledger));
        return services;
    }

    private static CommissionsOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CommissionsOptions>>().Value;
}
