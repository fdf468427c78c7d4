using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Credits;

/// <summary>
/// Checks <see cref="CreditOptions"/> at start-up: amounts not negative and at most <see cref="CreditOptions.MaximumCredits"/>,
/// prices positive, a rate between 0 and 1000%, expiry days not negative, something that earns credits and, when the
/// community's items are known, bonuses and prices that name them. Each failure names its setting by configuration path:
/// under the section the options were bound from (e.g. <c>Community:Credits:Prices:bootcamp</c>), or relative to the options.
/// </summary>
public sealed class CreditOptionsValidator : IValidateOptions<CreditOptions>
{
    private static readonly Rate MaximumRate = Rate.FromPercent(1000);
    private readonly string _prefix;
    private readonly Func<IReadOnlyCollection<string>?> _items;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>PerReferral</c>.</summary>
    public CreditOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Credits</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public CreditOptionsValidator(string? sectionPath)
        : this(sectionPath, static () => null)
    {
    }

    /// <summary>Creates a validator that also checks bonuses and prices against the items the community sells.</summary>
    /// <param name="sectionPath">The section's path.</param>
    /// <param name="items">The ids of the tiers and products the community sells; <see langword="null"/> when unknown.</param>
    internal CreditOptionsValidator(string? sectionPath, Func<IReadOnlyCollection<string>?> items)
    {
        _prefix = SectionPath.Prefix(sectionPath);
        _items = items;
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CreditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.BindingProblems.Concat(Problems(options, _items()).Select(p => _prefix + p)).ToList(); // binding problems already name their full path
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with the options, each starting with the setting's path relative to the options.</summary>
    /// <param name="options">The options.</param>
    /// <param name="items">The ids of the tiers and products the community sells, to check bonuses and prices against; <see langword="null"/> to skip.</param>
    internal static List<string> Problems(CreditOptions options, IReadOnlyCollection<string>? items)
    {
        var problems = new List<string>();
        Amount(problems, nameof(CreditOptions.PerReferral), options.PerReferral, positive: false);
        Amount(problems, nameof(CreditOptions.PerPurchase), options.PerPurchase, positive: false);
        if (options.PurchaseRate.IsNegative || options.PurchaseRate > MaximumRate)
        {
            problems.Add($"{nameof(CreditOptions.PurchaseRate)} is {options.PurchaseRate}; it must be between 0% and {MaximumRate}.");
        }

        if (options.ExpireAfterDays < 0)
        {
            problems.Add($"{nameof(CreditOptions.ExpireAfterDays)} is {options.ExpireAfterDays}; it must be zero (never) or a positive number of days.");
        }

        Items(problems, nameof(CreditOptions.ItemBonuses), options.ItemBonuses, items, positive: false);
        Items(problems, nameof(CreditOptions.Prices), options.Prices, items, positive: true);
        if (options.PerReferral == 0 && options.PerPurchase == 0 && options.PurchaseRate.IsZero && (options.ItemBonuses ?? []).Values.All(v => v == 0))
        {
            problems.Add($"{nameof(CreditOptions.PerReferral)}, {nameof(CreditOptions.PerPurchase)}, {nameof(CreditOptions.PurchaseRate)} and {nameof(CreditOptions.ItemBonuses)} are all zero, so no referral ever earns credits; set at least one.");
        }

        return problems;
    }

    private static void Items(List<string> problems, string setting, Dictionary<string, long>? values, IReadOnlyCollection<string>? items, bool positive)
    {
        foreach (var (item, value) in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                problems.Add($"{setting} holds an entry with no item id.");
                continue;
            }

            Amount(problems, $"{setting}:{item}", value, positive);
            if (items is not null && !items.Contains(item))
            {
                problems.Add($"{setting}:{item} names '{item}', which is neither a membership tier nor a catalog product ({(items.Count == 0 ? "the community sells nothing" : string.Join(", ", items))}).");
            }
        }
    }

    private static void Amount(List<string> problems, string setting, long value, bool positive)
    {
        if (value < (positive ? 1 : 0) || value > CreditOptions.MaximumCredits)
        {
            problems.Add($"{setting} is {value}; it must be {(positive ? "positive" : "zero or positive")} and at most {CreditOptions.MaximumCredits} credits.");
        }
    }
}
