using System.Collections.Immutable;

namespace CommunityModel.Catalog;

/// <summary>A catalog definition is unusable; <see cref="Problems"/> names every problem found, not only the first.</summary>
public sealed class CatalogException : CommunityModelException
{
    /// <summary>Creates the error from the problems found.</summary>
    /// <param name="problems">Every problem, each a sentence naming the offending product or value.</param>
    public CatalogException(IEnumerable<string> problems)
        : this(problems.ToImmutableArray())
    {
    }

    private CatalogException(ImmutableArray<string> problems)
        : base(ErrorCodes.InvalidCatalog, "The catalog is invalid: " + string.Join(" ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public ImmutableArray<string> Problems { get; }
}
