using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Catalog;

/// <summary>
/// The products a business sells on their own, each with its standalone price and its rung of the
/// product ladder (四款递进产品). Immutable and validated when created: ids are unique, prices are
/// non-negative and all in one currency.
/// </summary>
/// <example>
/// <code>
/// var catalog = new CatalogBuilder()
///     .AddProduct("trial", "Trial class", ProductKind.OnlineCourse, Money.Cny(9.90m))
///     .AddOfflineCourse("offline-2d1n", "Two-day offline course", Money.Cny(2980m), days: 2, nights: 1)
///     .WithPriceBands(entryFrom: Money.Cny(50m), highTicketFrom: Money.Cny(1000m), premiumFrom: Money.Cny(10000m))
///     .Build();
/// var ladder = catalog.Ladder; // LeadMagnet: trial; HighTicket: offline-2d1n
/// </code>
/// </example>
public sealed class ProductCatalog
{
    private readonly FrozenDictionary<string, Product> _byId;

    private ProductCatalog(ImmutableArray<Product> products, Currency currency)
    {
        Products = products;
        Currency = currency;
        _byId = products.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        Ladder = [.. Enum.GetValues<LadderTier>()
            .Select(tier => new LadderStep(tier, [.. products.Where(p => p.Tier == tier).OrderBy(p => p.Price.MinorUnits).ThenBy(p => p.Id, StringComparer.Ordinal)]))];
    }

    /// <summary>Every product, in the order they were defined.</summary>
    public ImmutableArray<Product> Products { get; }

    /// <summary>The one currency of every price in the catalog.</summary>
    public Currency Currency { get; }

    /// <summary>The product ladder from <see cref="LadderTier.LeadMagnet"/> to <see cref="LadderTier.Premium"/>, every rung listed (possibly empty), products cheapest first.</summary>
    public ImmutableArray<LadderStep> Ladder { get; }

    /// <summary>The product with the id.</summary>
    /// <param name="productId">The product id.</param>
    /// <returns>The product.</returns>
    /// <exception cref="UnknownProductException">No product has the id.</exception>
    public Product this[string productId] =>
        TryGetProduct(productId, out var product) ? product : throw new UnknownProductException(productId);

    /// <summary>Looks a product up by id.</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="product">The product when found.</param>
    /// <returns>Whether the catalog has the product.</returns>
    public bool TryGetProduct(string productId, [NotNullWhen(true)] out Product? product)
    {
        ArgumentNullException.ThrowIfNull(productId);
        return _byId.TryGetValue(productId, out product);
    }

    /// <summary>Creates a catalog from options, checking them all.</summary>
    /// <param name="options">The catalog definition.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogException">The definition is invalid; every problem is named.</exception>
    public static ProductCatalog Create(CatalogOptions options)
    {
        var problems = TryCreate(options, out var catalog);
        return catalog ?? throw new CatalogException(problems);
    }

    /// <summary>Creates a catalog from options, or names every problem that prevents it.</summary>
    /// <param name="options">The catalog definition.</param>
    /// <param name="catalog">The catalog when the definition is valid.</param>
    /// <returns>The problems found; empty when <paramref name="catalog"/> was created.</returns>
    public static ImmutableArray<string> TryCreate(CatalogOptions options, out ProductCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Problems name settings by their configuration path relative to the options (Products:0, PriceBands, ...);
        // CatalogOptionsValidator puts the bound section's path in front. Values the reader could not read come first.
        var problems = ImmutableArray.CreateBuilder<string>();
        problems.AddRange(options.BindingProblems);
        var products = ImmutableArray.CreateBuilder<Product>(options.Products.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Currency? currency = null;
        var bands = options.PriceBands;
        if (bands is not null)
        {
            CheckBands(bands, problems);
        }

        for (var i = 0; i < options.Products.Count; i++)
        {
            var item = options.Products[i];
            if (item is null)
            {
                problems.Add($"Products:{i} is empty.");
                continue;
            }

            var label = string.IsNullOrWhiteSpace(item.Id) ? $"Products:{i}" : $"Products:{i} ('{item.Id}')";
            if (string.IsNullOrWhiteSpace(item.Id))
            {
                problems.Add($"{label} has no id.");
            }
            else if (!seen.Add(item.Id))
            {
                problems.Add($"{label} is defined more than once; product ids must be unique.");
            }

            if (item.Price.IsNegative)
            {
                problems.Add($"{label} has a negative price {item.Price}.");
            }

            if (item.Price.Currency == Currency.None)
            {
                problems.Add($"{label} has no price.");
            }
            else if (currency is null)
            {
                currency = item.Price.Currency;
            }
            else if (item.Price.Currency != currency)
            {
                problems.Add($"{label} is priced in {item.Price.Currency.Code} but the catalog is in {currency.Value.Code}; one catalog has one currency.");
            }

            if (item.Days < 0 || item.Nights < 0)
            {
                problems.Add($"{label} has a negative number of days or nights.");
            }

            LadderTier tier;
            if (item.Tier is { } assigned)
            {
                if (!Enum.IsDefined(assigned))
                {
                    problems.Add($"{label} has an unknown ladder tier {(int)assigned}.");
                }

                tier = assigned;
            }
            else if (bands is null)
            {
                problems.Add($"{label} has no ladder tier and the catalog has no price bands to derive one from.");
                tier = LadderTier.LeadMagnet;
            }
            else
            {
                tier = SameCurrency(bands, item.Price) ? TierOf(bands, item.Price) : LadderTier.LeadMagnet;
            }

            products.Add(new Product(item.Id, string.IsNullOrWhiteSpace(item.Name) ? item.Id : item.Name, item.Kind, item.Price, tier, item.Days, item.Nights));
        }

        if (options.Products.Count == 0)
        {
            problems.Add("Products is empty: the catalog has no products; define at least one.");
        }

        if (bands is not null && currency is { } c && !SameCurrency(bands, Money.Zero(c)))
        {
            problems.Add($"PriceBands are not in the catalog's currency {c.Code}.");
        }

        catalog = problems.Count == 0 ? new ProductCatalog(products.MoveToImmutable(), currency!.Value) : null;
        return problems.ToImmutable();
    }

    private static void CheckBands(PriceBandOptions bands, ImmutableArray<string>.Builder problems)
    {
        if (bands.EntryFrom.Currency != bands.HighTicketFrom.Currency || bands.EntryFrom.Currency != bands.PremiumFrom.Currency)
        {
            problems.Add("PriceBands mix currencies; give EntryFrom, HighTicketFrom and PremiumFrom in one currency.");
            return;
        }

        if (bands.EntryFrom.IsNegative || bands.EntryFrom > bands.HighTicketFrom || bands.HighTicketFrom > bands.PremiumFrom)
        {
            problems.Add($"PriceBands must rise: 0 ≤ EntryFrom ({bands.EntryFrom}) ≤ HighTicketFrom ({bands.HighTicketFrom}) ≤ PremiumFrom ({bands.PremiumFrom}).");
        }
    }

    private static bool SameCurrency(PriceBandOptions bands, Money price) =>
        bands.EntryFrom.Currency == price.Currency && bands.HighTicketFrom.Currency == price.Currency && bands.PremiumFrom.Currency == price.Currency;

    private static LadderTier TierOf(PriceBandOptions bands, Money price) =>
        price >= bands.PremiumFrom ? LadderTier.Premium
        : price >= bands.HighTicketFrom ? LadderTier.HighTicket
        : price >= bands.EntryFrom ? LadderTier.Entry
        : LadderTier.LeadMagnet;
}
