using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CommunityModel.Catalog;

namespace CommunityModel.Memberships;

/// <summary>
/// The membership tiers a business sells, made of catalog products, with the policies for terms,
/// renewal, upgrades and refunds. Immutable and validated when created: every product and included
/// tier exists, inclusion has no cycles, the time zone is known.
/// </summary>
public sealed class MembershipPlan
{
    private readonly FrozenDictionary<string, MembershipTier> _byId;

    private MembershipPlan(ProductCatalog catalog, ImmutableArray<MembershipTier> tiers, TimeZoneInfo timeZone, MembershipOptions options)
    {
        Catalog = catalog;
        Tiers = tiers;
        TimeZone = timeZone;
        RenewalGraceDays = options.RenewalGraceDays;
        CoolingOffDays = options.CoolingOffDays;
        UpgradeTiming = options.UpgradeTiming;
        UpgradeTerm = options.UpgradeTerm;
        DayCount = options.DayCount;
        _byId = tiers.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalog the tiers are made of.</summary>
    public ProductCatalog Catalog { get; }

    /// <summary>The tiers, in the order they were defined.</summary>
    public ImmutableArray<MembershipTier> Tiers { get; }

    /// <summary>The time zone in which term dates are counted.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Days after a term ends during which a renewal still continues it.</summary>
    public int RenewalGraceDays { get; }

    /// <summary>Days after a payment during which a cancellation refunds everything paid minus what was consumed.</summary>
    public int CoolingOffDays { get; }

    /// <summary>When upgrades take effect.</summary>
    public UpgradeTiming UpgradeTiming { get; }

    /// <summary>Which term an immediate upgrade buys.</summary>
    public UpgradeTermPolicy UpgradeTerm { get; }

    /// <summary>How unused time is measured.</summary>
    public DayCount DayCount { get; }

    /// <summary>The tier with the id.</summary>
    /// <param name="tierId">The tier id.</param>
    /// <returns>The tier.</returns>
    /// <exception cref="UnknownMembershipTierException">No tier has the id.</exception>
    public MembershipTier this[string tierId] =>
        TryGetTier(tierId, out var tier) ? tier : throw new UnknownMembershipTierException(tierId);

    /// <summary>Looks a tier up by id.</summary>
    /// <param name="tierId">The tier id.</param>
    /// <param name="tier">The tier when found.</param>
    /// <returns>Whether the plan has the tier.</returns>
    public bool TryGetTier(string tierId, [NotNullWhen(true)] out MembershipTier? tier)
    {
        ArgumentNullException.ThrowIfNull(tierId);
        return _byId.TryGetValue(tierId, out tier);
    }

    /// <summary>The calendar date of an instant in the plan's time zone.</summary>
    /// <param name="instant">The instant, e.g. <c>timeProvider.GetUtcNow()</c>.</param>
    /// <returns>The date there.</returns>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Creates a plan from options over a catalog, checking them all.</summary>
    /// <param name="catalog">The catalog the tiers refer to.</param>
    /// <param name="options">The plan definition.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="MembershipPlanException">The definition is invalid; every problem is named.</exception>
    public static MembershipPlan Create(ProductCatalog catalog, MembershipOptions options)
    {
        var problems = TryCreate(catalog, options, out var plan);
        return plan ?? throw new MembershipPlanException(problems);
    }

    /// <summary>Creates a plan from options over a catalog, or names every problem that prevents it.</summary>
    /// <param name="catalog">The catalog the tiers refer to.</param>
    /// <param name="options">The plan definition.</param>
    /// <param name="plan">The plan when the definition is valid.</param>
    /// <returns>The problems found; empty when <paramref name="plan"/> was created.</returns>
    public static ImmutableArray<string> TryCreate(ProductCatalog catalog, MembershipOptions options, out MembershipPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var problems = ImmutableArray.CreateBuilder<string>();
        problems.AddRange(options.BindingProblems);
        var timeZone = FindTimeZone(options.TimeZone, problems);
        CheckPolicies(options, problems);

        // Problems name settings by their configuration path relative to the options (Tiers:1, TimeZone, ...);
        // MembershipOptionsValidator puts the bound section's path in front.
        var byId = new Dictionary<string, MembershipTierOptions>(StringComparer.Ordinal);
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Tiers.Count; i++)
        {
            var tier = options.Tiers[i];
            if (tier is null || string.IsNullOrWhiteSpace(tier.Id))
            {
                problems.Add($"Tiers:{i} has no id.");
                continue;
            }

            if (!byId.TryAdd(tier.Id, tier))
            {
                problems.Add($"{Label(i, tier)} is defined more than once; tier ids must be unique.");
                continue;
            }

            indexOf.Add(tier.Id, i);
            CheckTier(catalog, Label(i, tier), tier, problems);
        }

        if (options.Tiers.Count == 0)
        {
            problems.Add("Tiers is empty: the plan has no tiers; define at least one.");
        }

        foreach (var tier in byId.Values)
        {
            if (tier.Includes is { } included && !byId.ContainsKey(included))
            {
                problems.Add($"{Label(indexOf[tier.Id], tier)} includes tier '{included}', which is not in the plan.");
            }
            else if (Cycle(tier, byId) is { } cycle)
            {
                problems.Add($"{Label(indexOf[tier.Id], tier)} includes itself through {cycle}; inclusion must not go round in a circle.");
            }
        }

        if (problems.Count > 0)
        {
            plan = null;
            return problems.ToImmutable();
        }

        var tiers = ImmutableArray.CreateBuilder<MembershipTier>(byId.Count);
        for (var i = 0; i < options.Tiers.Count; i++)
        {
            var tier = options.Tiers[i];
            var resolved = Resolve(catalog, tier, byId);
            var included = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            for (var lower = tier.Includes; lower is not null; lower = byId[lower].Includes)
            {
                included.Add(lower);
            }

            var built = new MembershipTier(tier, string.IsNullOrWhiteSpace(tier.Name) ? tier.Id : tier.Name, tier.Includes, resolved, included.ToImmutable());
            if (built.Price.IsPositive && !built.ALaCarte.IsPositive)
            {
                problems.Add($"{Label(i, tier)} has a price but no entitlement with a standalone value to allocate it over.");
            }

            tiers.Add(built);
        }

        plan = problems.Count == 0 ? new MembershipPlan(catalog, tiers.MoveToImmutable(), timeZone!, options) : null;
        return problems.ToImmutable();
    }

    private static TimeZoneInfo? FindTimeZone(string? id, ImmutableArray<string>.Builder problems)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add("TimeZone is empty; use an IANA id such as 'Asia/Shanghai'.");
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        problems.Add($"TimeZone '{id}' is not known on this system; use an IANA id such as 'Asia/Shanghai'.");
        return null;
    }

    private static void CheckPolicies(MembershipOptions options, ImmutableArray<string>.Builder problems)
    {
        if (options.RenewalGraceDays < 0)
        {
            problems.Add($"RenewalGraceDays is {options.RenewalGraceDays}; it must be zero or more.");
        }

        if (options.CoolingOffDays < 0)
        {
            problems.Add($"CoolingOffDays is {options.CoolingOffDays}; it must be zero or more.");
        }

        if (!Enum.IsDefined(options.UpgradeTiming))
        {
            problems.Add($"UpgradeTiming is {(int)options.UpgradeTiming}, which is not defined.");
        }

        if (!Enum.IsDefined(options.UpgradeTerm))
        {
            problems.Add($"UpgradeTerm is {(int)options.UpgradeTerm}, which is not defined.");
        }

        if (!Enum.IsDefined(options.DayCount))
        {
            problems.Add($"DayCount is {(int)options.DayCount}, which is not defined.");
        }
    }

    // A tier named by its configuration path and id, e.g. Tiers:1 ('ka').
    private static string Label(int index, MembershipTierOptions tier) => $"Tiers:{index} ('{tier.Id}')";

    private static void CheckTier(ProductCatalog catalog, string label, MembershipTierOptions tier, ImmutableArray<string>.Builder problems)
    {
        if (tier.Price.Currency != catalog.Currency)
        {
            problems.Add($"{label} is priced in {tier.Price.Currency.Code} but the catalog is in {catalog.Currency.Code}.");
        }
        else if (tier.Price.IsNegative)
        {
            problems.Add($"{label} has a negative price {tier.Price}.");
        }

        if (tier.TermMonths is < 1 or > 120)
        {
            problems.Add($"{label} has a term of {tier.TermMonths} months; it must be 1 to 120.");
        }

        if (!tier.ShoppingDiscount.IsBetweenZeroAndOne)
        {
            problems.Add($"{label} has a shopping discount of {tier.ShoppingDiscount}; it must be between 0% and 100%.");
        }

        if (tier.Includes == tier.Id)
        {
            problems.Add($"{label} includes itself.");
        }

        var products = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entitlement in tier.Entitlements)
        {
            if (entitlement?.ProductId is null || !catalog.TryGetProduct(entitlement.ProductId, out _))
            {
                problems.Add($"{label} has an entitlement to product '{entitlement?.ProductId}', which is not in the catalog.");
                continue;
            }

            if (!products.Add(entitlement.ProductId))
            {
                problems.Add($"{label} lists product '{entitlement.ProductId}' more than once.");
            }

            if (entitlement.Quantity is < 1)
            {
                problems.Add($"{label} grants product '{entitlement.ProductId}' {entitlement.Quantity} times; a quota must be at least 1 (leave it empty for unlimited).");
            }
        }
    }

    private static string? Cycle(MembershipTierOptions start, Dictionary<string, MembershipTierOptions> byId)
    {
        var path = new List<string> { start.Id };
        for (var next = start.Includes; next is not null && byId.TryGetValue(next, out var tier); next = tier.Includes)
        {
            path.Add(next);
            if (next == start.Id)
            {
                return string.Join(" → ", path);
            }

            if (path.Count > byId.Count + 1)
            {
                return null; // a cycle further down, reported for the tiers on it
            }
        }

        return null;
    }

    private static ImmutableArray<Entitlement> Resolve(ProductCatalog catalog, MembershipTierOptions tier, Dictionary<string, MembershipTierOptions> byId)
    {
        var chain = new List<MembershipTierOptions>();
        for (var current = tier; ; current = byId[current.Includes])
        {
            chain.Add(current);
            if (current.Includes is null)
            {
                break;
            }
        }

        chain.Reverse(); // the lowest tier first, so included entitlements come first
        var order = new List<string>();
        var quota = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var level in chain)
        {
            foreach (var entitlement in level.Entitlements)
            {
                if (!quota.TryGetValue(entitlement.ProductId, out var existing))
                {
                    order.Add(entitlement.ProductId);
                    quota[entitlement.ProductId] = entitlement.Quantity;
                }
                else if (existing is not null)
                {
                    quota[entitlement.ProductId] = entitlement.Quantity is null ? null : Math.Max(existing.Value, entitlement.Quantity.Value);
                }
            }
        }

        return [.. order.Select(id => new Entitlement(catalog[id], quota[id]))];
    }
}
