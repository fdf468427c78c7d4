namespace CommunityModel.Catalog;

/// <summary>
/// The catalog as configuration data: bound from a section such as <c>Catalog</c> and validated at
/// start-up by <see cref="CatalogOptionsValidator"/>, or filled in code through <see cref="CatalogBuilder"/>.
/// </summary>
public sealed class CatalogOptions
{
    /// <summary>The products; ids unique, prices non-negative and all in one currency.</summary>
    public IList<ProductOptions> Products { get; } = new List<ProductOptions>();

    /// <summary>Bands that derive the ladder rung of products configured without one; required only by such products.</summary>
    public PriceBandOptions? PriceBands { get; set; }

    /// <summary>Values in configuration that could not be read; reported by validation with the rest.</summary>
    internal List<string> BindingProblems { get; } = [];
}
