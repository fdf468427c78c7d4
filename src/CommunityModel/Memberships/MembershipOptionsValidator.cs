using CommunityModel.Catalog;
using Microsoft.Extensions.Options;

namespace CommunityModel.Memberships;

/// <summary>
/// Validates <see cref="MembershipOptions"/> at start-up against the configured catalog, with the same
/// rules as <see cref="MembershipPlan.Create(ProductCatalog, MembershipOptions)"/>.
/// </summary>
/// <param name="catalog">The catalog options the tiers refer to.</param>
public sealed class MembershipOptionsValidator(IOptions<CatalogOptions> catalog) : IValidateOptions<MembershipOptions>
{
    private static readonly ValidateOptionsResult CatalogInvalid =
        ValidateOptionsResult.Fail("The membership plan cannot be checked because the catalog is invalid; see the catalog's errors.");

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CatalogOptions catalogOptions;
        try
        {
            catalogOptions = catalog.Value;
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
        return problems.IsEmpty ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
