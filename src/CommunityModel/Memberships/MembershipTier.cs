using System.Collections.Immutable;

namespace CommunityModel.Memberships;

/// <summary>
/// A membership tier (VIP, KA, …): a price per term and a bundle of entitlements, including those of a
/// lower tier without granting anything twice. Immutable; created by <see cref="MembershipPlan"/>.
/// </summary>
public sealed class MembershipTier
{
    private readonly Money[] _weights;

    internal MembershipTier(MembershipTierOptions options, string name, string? includes, ImmutableArray<Entitlement> entitlements, ImmutableHashSet<string> includedTiers)
    {
        Id = options.Id;
        Name = name;
        Price = options.Price;
        TermMonths = options.TermMonths;
        Includes = includes;
        Entitlements = entitlements;
        IncludedTiers = includedTiers;
        GrantsPromotionRights = options.GrantsPromotionRights;
        ShoppingDiscount = options.ShoppingDiscount;
        _weights = [.. entitlements.Select(e => e.StandaloneValue)];
        ALaCarte = Money.Sum(_weights, Price.Currency);
    }

    /// <summary>The stable id.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The price per term.</summary>
    public Money Price { get; }

    /// <summary>The length of a term in months.</summary>
    public int TermMonths { get; }

    /// <summary>The id of the lower tier this tier directly includes, or null.</summary>
    public string? Includes { get; }

    /// <summary>Every tier this one includes, directly or through another.</summary>
    public ImmutableHashSet<string> IncludedTiers { get; }

    /// <summary>Every entitlement, the included tiers' first; one per product (the larger quota wins, unlimited beats any quota).</summary>
    public ImmutableArray<Entitlement> Entitlements { get; }

    /// <summary>Whether buying the tier makes the member a member-promoter (分享赚钱).</summary>
    public bool GrantsPromotionRights { get; }

    /// <summary>The member-promoter's shopping discount (自用省钱); zero when none.</summary>
    public Rate ShoppingDiscount { get; }

    /// <summary>The sum of the entitlements' standalone values.</summary>
    public Money ALaCarte { get; }

    /// <summary>The tier's price against its à la carte total.</summary>
    /// <returns>The quote.</returns>
    public TierQuote Quote()
    {
        var saving = ALaCarte - Price;
        var rate = ALaCarte.IsZero ? Rate.Zero : Rate.Of(saving, ALaCarte);
        return new TierQuote(Id, Price, ALaCarte, saving, rate);
    }

    /// <summary>
    /// Splits a payment for the tier over its entitlements in proportion to their standalone values
    /// (the relative standalone-selling-price method of IFRS 15), exact to the minor unit: the lines
    /// sum to <paramref name="paid"/>.
    /// </summary>
    /// <param name="paid">What was paid, in the tier's currency; may be a discounted price, or negative for a refund.</param>
    /// <returns>One line per entitlement, in the order of <see cref="Entitlements"/>.</returns>
    /// <exception cref="CurrencyMismatchException"><paramref name="paid"/> is in another currency.</exception>
    /// <exception cref="InvalidAllocationException">The tier has no entitlement with a standalone value to allocate to.</exception>
    public ImmutableArray<RevenueLine> AllocateRevenue(Money paid)
    {
        if (paid.Currency != Price.Currency)
        {
            throw new CurrencyMismatchException(Price.Currency, paid.Currency, "allocate revenue");
        }

        var parts = paid.Allocate(_weights);
        var lines = ImmutableArray.CreateBuilder<RevenueLine>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            lines.Add(new RevenueLine(Entitlements[i].Product.Id, _weights[i], parts[i]));
        }

        return lines.MoveToImmutable();
    }

    /// <summary>Whether this tier includes another, directly or through another tier.</summary>
    /// <param name="tierId">The other tier's id.</param>
    /// <returns><see langword="true"/> when its entitlements are part of this tier's.</returns>
    public bool IncludesTier(string tierId) => IncludedTiers.Contains(tierId);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Price} / {TermMonths} months)";
}
