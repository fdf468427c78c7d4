using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// Names settings in validation messages by the configuration path they were actually bound from
/// (<c>Community:Metrics:TimeZone</c>), or relative to the options (<c>TimeZone</c>) when they were set in code.
/// One rule for every options validator, so each message names a path the application can find.
/// </summary>
internal static class SectionPath
{
    /// <summary>The text put in front of a setting's relative path: <c>"Community:Metrics:"</c> for that section, empty for none.</summary>
    /// <param name="sectionPath">The section's path; <see langword="null"/> or empty when the options were set in code.</param>
    public static string Prefix(string? sectionPath) =>
        string.IsNullOrEmpty(sectionPath) ? string.Empty : sectionPath + ConfigurationPath.KeyDelimiter;

    /// <summary>
    /// Puts <paramref name="prefix"/> in front of each problem after the first <paramref name="alreadyNamed"/>,
    /// which the configuration readers already named by their full path (values that could not be read).
    /// </summary>
    public static IEnumerable<string> Under(string prefix, IEnumerable<string> problems, int alreadyNamed = 0) =>
        prefix.Length == 0 ? problems : problems.Select((p, i) => i < alreadyNamed ? p : prefix + p);

    /// <summary>
    /// Registers the validator of <typeparamref name="TOptions"/> bound from <paramref name="configuration"/>, told the
    /// section's path so its failures name settings under it. Register it before any path-less validator of the same
    /// type: <see cref="ServiceCollectionDescriptorExtensions.TryAddEnumerable(IServiceCollection, ServiceDescriptor)"/> keeps the first.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration the options are bound from; a root has no path and names settings relative to the options.</param>
    /// <param name="create">Creates the validator from the services and the section's path.</param>
    public static void AddValidatorNamingSection<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string?, TValidator> create)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var sectionPath = (configuration as IConfigurationSection)?.Path;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>(sp => create(sp, sectionPath)));
    }
}
