using System.Globalization;
using CommunityModel;
using CommunityModel.Metrics.Simulation;
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
    /// registered <see cref="ICommissionPayout"/> pays the commissions; without one, the options' level rates do.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding the simulation options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddGrowthSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GrowthSimulationOptions>().Bind(configuration).Configure(o => ReadRates(configuration, o));
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
    /// binds <see cref="Rate"/> member by member and ignores its text. A value that does not parse names its path.
    /// </summary>
    private static void ReadRates(IConfiguration section, GrowthSimulationOptions o)
    {
        o.FanConversion = RateAt(section, nameof(o.FanConversion)) ?? o.FanConversion;
        o.CustomerConversion = RateAt(section, nameof(o.CustomerConversion)) ?? o.CustomerConversion;
        o.MemberConversion = RateAt(section, nameof(o.MemberConversion)) ?? o.MemberConversion;
        o.PartnerConversion = RateAt(section, nameof(o.PartnerConversion)) ?? o.PartnerConversion;
        o.FanChurn = RateAt(section, nameof(o.FanChurn)) ?? o.FanChurn;
        o.CustomerChurn = RateAt(section, nameof(o.CustomerChurn)) ?? o.CustomerChurn;
        o.RepurchaseRate = RateAt(section, nameof(o.RepurchaseRate)) ?? o.RepurchaseRate;
        o.RenewalRate = RateAt(section, nameof(o.RenewalRate)) ?? o.RenewalRate;
        o.ReferralCoefficient = RateAt(section, nameof(o.ReferralCoefficient)) ?? o.ReferralCoefficient;
        o.PayoutCap = RateAt(section, nameof(o.PayoutCap)) ?? o.PayoutCap;
        var levels = section.GetSection(nameof(o.LevelRates));
        if (levels.Exists())
        {
            o.LevelRates = [.. levels.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue).Select(c => Parse(c))];
        }
    }

    private static Rate? RateAt(IConfiguration section, string key) =>
        section.GetSection(key) is { Value: { Length: > 0 } } value ? Parse(value) : null;

    private static Rate Parse(IConfigurationSection value) =>
        Rate.TryParse(value.Value, CultureInfo.InvariantCulture, out var rate)
            ? rate
            : throw new InvalidOperationException($"Configuration value '{value.Value}' at '{value.Path}' is not a rate; write it as a percentage ('30%') or a fraction ('0.3').");

    private static IServiceCollection AddGrowthSimulatorCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrowthSimulationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrowthSimulationOptions>, GrowthSimulationOptionsValidator>());
        services.TryAddSingleton(sp => new GrowthSimulator(sp.GetRequiredService<IOptions<GrowthSimulationOptions>>(), sp.GetService<ICommissionPayout>()));
        return services;
    }
}
