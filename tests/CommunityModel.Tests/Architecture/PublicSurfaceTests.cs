using System.Reflection;

namespace CommunityModel.Tests.Architecture;

/// <summary>Promises of the package's public surface that reviews alone would not keep.</summary>
public class PublicSurfaceTests
{
    private static readonly Assembly Package = typeof(CommunityModel.Money).Assembly;

    [Fact]
    public void The_package_has_no_mutable_static_state_in_its_public_surface()
    {
        var offenders = Package.GetExportedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{t.Name}.{f.Name}")
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(p => p.SetMethod is { IsPublic: true })
                    .Select(p => $"{t.Name}.{p.Name}")))
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Public_value_types_are_readonly()
    {
        var mutable = Package.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum)
            .Where(t => t.GetCustomAttributes().All(a => a.GetType().FullName != "System.Runtime.CompilerServices.IsReadOnlyAttribute"))
            .Select(t => t.Name)
            .ToArray();

        Assert.Empty(mutable);
    }

    [Fact]
    public void No_public_type_is_named_like_a_grab_bag()
    {
        var vague = Package.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Manager", StringComparison.Ordinal) || t.Name.EndsWith("Helper", StringComparison.Ordinal) || t.Name.EndsWith("Util", StringComparison.Ordinal) || t.Name.EndsWith("Utils", StringComparison.Ordinal))
            .Select(t => t.Name)
            .ToArray();

        Assert.Empty(vague);
    }
}
