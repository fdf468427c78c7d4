using System.Globalization;
using CommunityModel.Campaigns;
using CommunityModel.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the rules of the campaign plays (训练营, 营销课, 社群表单, 秒杀, 快闪群, 拼团): <see cref="CampaignOptions"/>
/// bound strictly (an unknown key stops start-up) and validated at start-up, each failure naming its setting. Each play is
/// created over the community with <c>IOptions&lt;CampaignOptions&gt;</c> and the registered <see cref="TimeProvider"/>.
/// </summary>
public static class CampaignServiceCollectionExtensions
{
    /// <summary>Adds the campaign rules, bound from <paramref name="configuration"/> (e.g. <c>Community:Campaigns</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section of the rules.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindStrictly(configuration, static () => new CampaignOptions(), static (c, o) =>
        {
            var problems = o.BindingProblems;
            o.TimeZone = c[nameof(CampaignOptions.TimeZone)] is { Length: > 0 } zone ? zone : o.TimeZone;
            o.BootcampMinSessions = ConfigurationText.Int(c, nameof(CampaignOptions.BootcampMinSessions), problems) ?? o.BootcampMinSessions;
            o.BootcampMaxSessions = ConfigurationText.Int(c, nameof(CampaignOptions.BootcampMaxSessions), problems) ?? o.BootcampMaxSessions;
            o.ConversionWindow = ConfigurationText.TimeSpan(c, nameof(CampaignOptions.ConversionWindow), problems) ?? o.ConversionWindow;
            o.GroupBuyMinTarget = ConfigurationText.Int(c, nameof(CampaignOptions.GroupBuyMinTarget), problems) ?? o.GroupBuyMinTarget;
            o.FlashGroupMaxLifetime = ConfigurationText.TimeSpan(c, nameof(CampaignOptions.FlashGroupMaxLifetime), problems) ?? o.FlashGroupMaxLifetime;
            o.AllowSimulatedCompletion = ConfigurationText.Bool(c, nameof(CampaignOptions.AllowSimulatedCompletion), problems) ?? o.AllowSimulatedCompletion;
            if (c[nameof(CampaignOptions.FollowUpEndsAt)] is { Length: > 0 } text)
            {
                if (TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var at))
                {
                    o.FollowUpEndsAt = at;
                }
                else
                {
                    problems.Add($"{(c is IConfigurationSection s && s.Path.Length > 0 ? s.Path + ":" : string.Empty)}{nameof(CampaignOptions.FollowUpEndsAt)} is '{text}'; it must be a time of day, e.g. '23:59'.");
                }
            }
        });
        services.AddValidatorNamingSection<CampaignOptions, CampaignOptionsValidator>(configuration, static (_, path) => new CampaignOptionsValidator(path));
        return AddCampaignsCore(services);
    }

    /// <summary>Adds the campaign rules set in code, validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the rules, e.g. <c>o =&gt; o.AllowSimulatedCompletion = true</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, Action<CampaignOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CampaignOptions>().Configure(configure);
        return AddCampaignsCore(services);
    }

    private static IServiceCollection AddCampaignsCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CampaignOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignOptions>, CampaignOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
