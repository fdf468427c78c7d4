using CommunityModel.Catalog;
using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Memberships;

/// <summary>
/// Validates <see cref="MembershipOptions"/> at start-up against the configured catalog, with the same
/// rules as <see cref="MembershipPlan.Create(ProductCatalog, MembershipOptions)"/>. Each failure names its
/// setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Memberships:TimeZone</c>), or relative to the options (<c>TimeZone</c>) when they were set in code.
/// </summary>
public sealed class MembershipOptionsValidator : IValidateOptions<MembershipOptions>
{
    private static readonly ValidateOptionsResult CatalogInvalid =
        ValidateOptionsResult.Fail("The membership plan cannot be checked because the catalog is invalid; see the catalog's errors.");

    private readonly IOptions<CatalogOptions> _catalog;
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>Tiers:1</c>.</summary>
    /// <param name="catalog">The catalog options the tiers refer to.</param>
    public MembershipOptionsValidator(IOptions<CatalogOptions> catalog)
        : this(catalog, null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="catalog">The catalog options the tiers refer to.</param>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Memberships</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public MembershipOptionsValidator(IOptions<CatalogOptions> catalog, string? sectionPath)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _prefix = SectionPath.Prefix(sectionPath);
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CatalogOptions catalogOptions;
        try
        {
            catalogOptions = _catalog.Value;
        }
        catch (OptionsValidationException)
        {
            return CatalogInvalid; // reading validated catalog options reports the catalog's own errors
        }

        if (!ProductCatalog.TryCreate(catalogOptions, out var products).IsEmpty || products is null)
        {
            return CatalogInvalid;
        }

        var problems = MembershipPlan.TryCreate(products, options, out _);
        if (problems.IsEmpty)
        {
            return ValidateOptionsResult.Success;
        }

        // Values the configuration reader could not read already carry their full path.
        return ValidateOptionsResult.Fail(SectionPath.Under(_prefix, problems, alreadyNamed: options.BindingProblems.Count));
    }
}
