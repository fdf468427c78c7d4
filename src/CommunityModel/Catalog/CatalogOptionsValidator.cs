using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Catalog;

/// <summary>
/// Validates <see cref="CatalogOptions"/> at start-up with the same rules as <see cref="ProductCatalog.Create(CatalogOptions)"/>.
/// Each failure names its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Catalog:Products:0</c>), or relative to the options (<c>Products:0</c>) when they were set in code.
/// </summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>Products:0</c>.</summary>
    public CatalogOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Catalog</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public CatalogOptionsValidator(string? sectionPath) =>
        _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ProductCatalog.TryCreate(options, out _);

        // Values the configuration reader could not read already carry their full path.
        return problems.IsEmpty ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(SectionPath.Under(_prefix, problems, alreadyNamed: options.BindingProblems.Count));
    }
}
