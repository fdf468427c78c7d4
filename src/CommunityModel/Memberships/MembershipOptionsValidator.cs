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
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ProductCatalog.TryCreate(catalog.Value, out var products).IsEmpty || products is null)
        {
            return ValidateOptionsResult.Fail("The membership plan cannot be checked because the catalog is invalid; see the catalog's errors.");
        }

        var problems = MembershipPlan.TryCreate(products, options, out _);
        return problems.IsEmpty ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
