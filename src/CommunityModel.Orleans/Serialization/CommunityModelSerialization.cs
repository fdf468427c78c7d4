using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityModel.Commissions.Persistence;
using CommunityModel.Orleans.Events;
using CommunityModel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;

namespace CommunityModel.Orleans.Serialization;

/// <summary>
/// Carries the library's events and snapshots across grain boundaries with the library's own source-generated JSON
/// metadata (<see cref="CommunityJsonContext"/>, <see cref="CommissionsJsonContext"/> and the cluster's
/// <see cref="ClusterJsonContext"/>): an <see cref="IDomainEvent"/> crosses as the same JSON it is stored as, and a
/// <see cref="Lifecycle.LifecycleState"/> crosses as its <see cref="Lifecycle.LifecycleSnapshot"/>.
/// </summary>
public static class CommunityModelSerialization
{
    /// <summary>The JSON options every type of the library crosses with: the shipped contexts' settings (web defaults, enums as names).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(CommissionsJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CommunityJsonContext.Default, CommissionsJsonContext.Default, ClusterJsonContext.Default),
    };

    /// <summary>
    /// Registers the library's types with Orleans' serializer: every type of the CommunityModel assemblies that the
    /// shipped JSON contexts describe is written with them; everything else is left to Orleans.
    /// </summary>
    /// <param name="services">The silo's or client's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddCommunityModelSerialization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var supported = new ConcurrentDictionary<Type, bool>();
        services.Configure<TypeManifestOptions>(manifest =>
        {
            // Arrays and collections of the library's types (IDomainEvent[], ...) are named by Orleans, then written as JSON element by element.
            manifest.AddAllowedAssembly(typeof(IDomainEvent).Assembly);
            manifest.AddAllowedAssembly(typeof(CommissionsJsonContext).Assembly);
            manifest.AddAllowedAssembly(typeof(ClusterJsonContext).Assembly);
        });
        return services.AddSerializer(builder => builder.AddJsonSerializer(type => supported.GetOrAdd(type, IsLibraryJsonType), JsonOptions));
    }

    /// <summary>Whether a type belongs to the library and its JSON contexts describe it (so it crosses as JSON).</summary>
    /// <param name="type">A type Orleans is asked to serialize.</param>
    /// <returns><see langword="true"/> for the library's events, snapshots and the values inside them.</returns>
    public static bool IsLibraryJsonType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var assembly = type.Assembly;
        if (assembly != typeof(IDomainEvent).Assembly && assembly != typeof(CommissionsJsonContext).Assembly && assembly != typeof(ClusterJsonContext).Assembly)
        {
            return false;
        }

        // The cluster's own grain messages carry Orleans' generated codecs; only its stored events go as JSON.
        return (assembly != typeof(ClusterJsonContext).Assembly || typeof(IDomainEvent).IsAssignableFrom(type) || type.Name.EndsWith("Snapshot", StringComparison.Ordinal))
            && JsonOptions.TypeInfoResolver!.GetTypeInfo(type, JsonOptions) is not null;
    }
}
