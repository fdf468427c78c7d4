using System.Reflection;

namespace CommunityModel.Commissions.Tests.Architecture;

/// <summary>The commissions package stays a pure library on top of the core.</summary>
public class PackageDependencyTests
{
    private static readonly Assembly Package = Assembly.Load(new AssemblyName("CommunityModel.Commissions"));

    [Fact]
    public void The_package_references_only_the_core_the_BCL_and_the_allowed_extensions()
    {
        // Configuration.Abstractions (IConfiguration, via Options.ConfigurationExtensions) lets
        // AddCommissions(config.GetSection(...)) read options, as DESIGN.md requires.
        var allowed = new[]
        {
            "CommunityModel", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "Stateless",
            "Microsoft.Extensions.Configuration.Abstractions",
        };

        var references = Package.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")
            .ToArray();

        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Fact]
    public void The_package_has_no_mutable_static_state_in_its_public_surface()
    {
        var offenders = Package.GetExportedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(f => !f.IsInitOnly && !f.IsLiteral).Select(f => $"{t.Name}.{f.Name}"))
            .ToArray();

        Assert.Empty(offenders);
    }
}
