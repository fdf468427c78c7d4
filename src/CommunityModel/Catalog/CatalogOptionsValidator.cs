using Microsoft.Extensions.Options;

namespace CommunityModel.Catalog;

/// <summary>Validates <see cref="CatalogOptions"/> at start-up with the same rules as <see cref="ProductCatalog.Create(CatalogOptions)"/>.</summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ProductCatalog.TryCreate(options, out _);
        return problems.IsEmpty ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
