using CommunityModel;
using CommunityModel.DependencyInjection;
using CommunityModel.Simulation;
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
    /// registered <see cref="ISimulationCommunityFactory"/> makes the simulated community (<c>AddCommissions</c> registers
    /// one that plugs the commissions in); without one, seed communities without commissions are simulated.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding the simulation options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddGrowthSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindStrictly(configuration, static () => new GrowthSimulationOptions(), static (c, o) =>
        {
            c.Bind(o);
            ReadRates(c, o);
        });
        services.AddValidatorNamingSection<GrowthSimulationOptions, GrowthSimulationOptionsValidator>(configuration, (_, path) => new GrowthSimulationOptionsValidator(path));
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

    /// <summary>
    /// Reads the rates from their text form (<c>"30%"</c>, <c>"0.3"</c>): the configuration-binding source generator
    /// binds <see cref="Rate"/> member by member and ignores its text. Every value that does not parse is named by its path.
    /// </summary>
    private static void ReadRates(IConfiguration section, GrowthSimulationOptions o)
    {
        var problems = new List<string>();
        o.LeadProductRate = ConfigurationText.Rate(section, nameof(o.LeadProductRate), problems) ?? o.LeadProductRate;
        o.EntryCourseRate = ConfigurationText.Rate(section, nameof(o.EntryCourseRate), problems) ?? o.EntryCourseRate;
        o.HighTicketCourseRate = ConfigurationText.Rate(section, nameof(o.HighTicketCourseRate), problems) ?? o.HighTicketCourseRate;
        o.ChurnRate = ConfigurationText.Rate(section, nameof(o.ChurnRate), problems) ?? o.ChurnRate;
        o.MembershipUptake = ConfigurationText.Rate(section, nameof(o.MembershipUptake), problems) ?? o.MembershipUptake;
        o.KaUpgradeRate = ConfigurationText.Rate(section, nameof(o.KaUpgradeRate), problems) ?? o.KaUpgradeRate;
        o.RenewalRate = ConfigurationText.Rate(section, nameof(o.RenewalRate), problems) ?? o.RenewalRate;
        o.ReferralRate = ConfigurationText.Rate(section, nameof(o.ReferralRate), problems) ?? o.ReferralRate;
        o.RefundRate = ConfigurationText.Rate(section, nameof(o.RefundRate), problems) ?? o.RefundRate;
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(GrowthSimulationOptions), problems);
        }
    }

    private static IServiceCollection AddGrowthSimulatorCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrowthSimulationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrowthSimulationOptions>, GrowthSimulationOptionsValidator>());
        services.TryAddSingleton(sp => new GrowthSimulator(sp.GetRequiredService<IOptions<GrowthSimulationOptions>>(), sp.GetService<ISimulationCommunityFactory>()));
        return services;
    }
}
