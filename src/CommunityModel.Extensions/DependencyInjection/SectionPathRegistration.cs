using CommunityModel.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityModel.DependencyInjection;

/// <summary>Registers validators told the configuration path their options were bound from.</summary>
internal static class SectionPathRegistration
{
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

    /// <summary>The prefix of settings under <paramref name="configuration"/>'s path.</summary>
    public static string PrefixOf(IConfiguration configuration) => SectionPath.Prefix((configuration as IConfigurationSection)?.Path);
}
