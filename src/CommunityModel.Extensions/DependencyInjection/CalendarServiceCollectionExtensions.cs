using CommunityModel.Calendar;
using CommunityModel.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the activity calendar's rules (<see cref="CalendarOptions"/>: gaps, attribution window, rounding) validated at
/// start-up, each failure naming its setting; read them from <c>IOptions&lt;CalendarOptions&gt;</c> to build a month's
/// <see cref="ActivityPlan"/>.
/// </summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>Adds the calendar's rules bound from <paramref name="configuration"/> (e.g. <c>Community:Calendar</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>{ "MinimumActivitiesPerWeek": 1, "AttributionWindow": "06:00:00", "Rounding": "HalfUp" }</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddActivityCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindStrictly(configuration, static () => new CalendarOptions(), static (c, o) => c.Bind(o));
        services.AddValidatorNamingSection<CalendarOptions, CalendarOptionsValidator>(configuration, static (_, path) => new CalendarOptionsValidator(path));
        return AddCore(services);
    }

    /// <summary>Adds the calendar's rules set in code, validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the rules, e.g. <c>o =&gt; o.AttributionWindow = TimeSpan.FromHours(4)</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddActivityCalendar(this IServiceCollection services, Action<CalendarOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CalendarOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CalendarOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>());
        return services;
    }
}
