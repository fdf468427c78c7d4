using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// Binds options from a section with one reader, and checks at start-up that the section holds no key the reader does
/// not know (<see cref="UnknownKeysValidator{TOptions}"/>). Every configuration-bound registration goes through here.
/// </summary>
internal static class StrictBinding
{
    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="section"/> with <paramref name="read"/>, rejecting unknown keys at start-up; reloads with the configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section.</param>
    /// <param name="create">Creates a throw-away instance for the key check.</param>
    /// <param name="read">Reads the section into the options (the source-generated <c>Bind</c> and the library's text readers).</param>
    /// <returns>The options builder.</returns>
    public static OptionsBuilder<TOptions> BindStrictly<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this IServiceCollection services, IConfiguration section, Func<TOptions> create, Action<IConfiguration, TOptions> read)
        where TOptions : class
    {
        // One of each per options type, however often the registration runs (TryAddEnumerable keeps the first).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(Options.DefaultName, section)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new UnknownKeysValidator<TOptions>(section, create, read)));
        return services.AddOptions<TOptions>().Configure(o => read(section, o)).ValidateOnStart();
    }
}
