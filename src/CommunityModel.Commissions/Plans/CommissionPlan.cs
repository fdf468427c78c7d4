using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CommunityModel.Commissions.Plans;

/// <summary>
/// A validated, immutable multi-level commission plan (上下层级激励): one to three levels, each a rate
/// of the commissionable base or a fixed amount, with product and ladder-tier overrides, excluded
/// products and order kinds, and the policies for ineligible uplines and rounding.
/// </summary>
/// <remarks>
/// Create it from <see cref="CommissionPlanOptions"/> (configuration) or with <see cref="CommissionPlanBuilder"/>.
/// More than three levels is a configuration error: the seed's rule, "国家规定层级不能超过3级".
/// </remarks>
public sealed class CommissionPlan
{
    /// <summary>The most levels a plan may have.</summary>
    public const int MaxLevels = 3;

    private readonly string[] _ruleIds;

    private CommissionPlan(CommissionPlanOptions options)
    {
        Name = options.Name;
        Currency = options.Currency;
        Levels = [.. options.Levels.Select(l => ToReward(l)!)];
        ProductOverrides = options.ProductOverrides.ToFrozenDictionary(p => p.Key, p => ToRewards(p.Value), StringComparer.Ordinal);
        TierOverrides = options.TierOverrides.ToFrozenDictionary(p => p.Key, p => ToRewards(p.Value), StringComparer.Ordinal);
        ExcludedProducts = options.ExcludedProducts.ToFrozenSet(StringComparer.Ordinal);
        ExcludedOrderKinds = options.ExcludedOrderKinds.ToFrozenSet(StringComparer.Ordinal);
        JoiningProducts = options.JoiningProducts.ToFrozenSet(StringComparer.Ordinal);
        Base = options.Base;
        Earners = options.Earners;
        IneligibleUpline = options.IneligibleUpline;
        Rounding = options.Rounding;
        _ruleIds = [.. Enumerable.Range(1, Levels.Length).Select(level => $"{Name}/level-{level}")];
    }

    /// <summary>The plan's name.</summary>
    public string Name { get; }

    /// <summary>The currency of orders and fixed amounts.</summary>
    public Currency Currency { get; }

    /// <summary>What each level pays, nearest upline first (one to three).</summary>
    public ImmutableArray<LevelReward> Levels { get; }

    /// <summary>Per-product rewards by level; a <see langword="null"/> entry keeps the plan's reward.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<LevelReward?>> ProductOverrides { get; }

    /// <summary>Per-ladder-tier rewards by level; a <see langword="null"/> entry keeps the plan's reward.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<LevelReward?>> TierOverrides { get; }

    /// <summary>Products that earn nothing.</summary>
    public IReadOnlySet<string> ExcludedProducts { get; }

    /// <summary>Order kinds that earn nothing.</summary>
    public IReadOnlySet<string> ExcludedOrderKinds { get; }

    /// <summary>Products whose purchase is the condition to join (read by the compliance linter).</summary>
    public IReadOnlySet<string> JoiningProducts { get; }

    /// <summary>What rates apply to.</summary>
    public CommissionBase Base { get; }

    /// <summary>Who may earn.</summary>
    public EarnerEligibility Earners { get; }

    /// <summary>What happens to a level whose upline may not earn.</summary>
    public IneligibleUplinePolicy IneligibleUpline { get; }

    /// <summary>How a rate's product is rounded to the minor unit.</summary>
    public RoundingMode Rounding { get; }

    /// <summary>Validates options and creates the plan.</summary>
    /// <param name="options">The plan as data.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CommissionPlanException">The options break a rule; every problem is listed.</exception>
    public static CommissionPlan Create(CommissionPlanOptions options)
    {
        var problems = Validate(options);
        return problems.IsEmpty ? new CommissionPlan(options) : throw new CommissionPlanException(options.Name, problems);
    }

    /// <summary>Every rule the options break; empty when they make a valid plan.</summary>
    /// <param name="options">The plan as data.</param>
    /// <returns>The problems, each naming the setting.</returns>
    public static ImmutableArray<string> Validate(CommissionPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ImmutableArray.CreateBuilder<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            problems.Add("Name is empty; give the plan a name.");
        }

        if (options.Currency == Currency.None)
        {
            problems.Add("Currency is not set.");
        }

        var levels = options.Levels ?? [];
        if (levels.Count is < 1 or > MaxLevels)
        {
            problems.Add($"Levels has {levels.Count} level(s); a plan pays one to {MaxLevels} levels (国家规定层级不能超过3级).");
        }

        CheckRewards("Levels", levels, levels.Count, required: true, options.Currency, problems);
        var rateSum = levels.Where(l => l.FixedAmount is null && l.Rate is not null).Aggregate(Rate.Zero, (sum, l) => sum + l.Rate!.Value);
        if (rateSum > Rate.One)
        {
            problems.Add($"Levels pay {rateSum} of the base in total; at most 100% can be paid.");
        }

        foreach (var (kind, overrides) in new[] { ("ProductOverrides", options.ProductOverrides), ("TierOverrides", options.TierOverrides) })
        {
            foreach (var (key, rewards) in overrides ?? new Dictionary<string, IList<CommissionLevelOptions>>())
            {
                CheckRewards($"{kind}:{key}", rewards ?? [], Math.Min(levels.Count, MaxLevels), required: false, options.Currency, problems);
            }
        }

        if (!Enum.IsDefined(options.Base))
        {
            problems.Add($"Base '{options.Base}' is not AmountPaid or AmountPaidMinusCost.");
        }

        if (!Enum.IsDefined(options.Earners))
        {
            problems.Add($"Earners '{options.Earners}' is not EveryMember or DesignatedPromoters.");
        }

        if (!Enum.IsDefined(options.IneligibleUpline))
        {
            problems.Add($"IneligibleUpline '{options.IneligibleUpline}' is not Forfeit or Compress.");
        }

        if (!Enum.IsDefined(options.Rounding))
        {
            problems.Add($"Rounding '{options.Rounding}' is not a rounding mode.");
        }

        return problems.ToImmutable();
    }

    /// <summary>The rule id of a level, e.g. <c>standard/level-2</c>: part of every ledger key.</summary>
    /// <param name="level">A level from 1 to the plan's level count.</param>
    /// <returns>The rule id.</returns>
    public string RuleId(int level) => _ruleIds[level - 1];

    /// <summary>The reward of a level for an order: a fixed amount from any source wins over a rate; among equals, product beats tier beats plan.</summary>
    internal (LevelReward Reward, RewardSource Source) RewardFor(int level, ImmutableArray<LevelReward?> product, ImmutableArray<LevelReward?> tier)
    {
        var index = level - 1;
        var fromProduct = !product.IsDefault && index < product.Length ? product[index] : null;
        var fromTier = !tier.IsDefault && index < tier.Length ? tier[index] : null;
        var fromPlan = Levels[index];
        if (fromProduct is { FixedAmount: not null })
        {
            return (fromProduct, RewardSource.Product);
        }

        if (fromTier is { FixedAmount: not null })
        {
            return (fromTier, RewardSource.LadderTier);
        }

        if (fromPlan.FixedAmount is not null)
        {
            return (fromPlan, RewardSource.Plan);
        }

        return fromProduct is not null ? (fromProduct, RewardSource.Product)
            : fromTier is not null ? (fromTier, RewardSource.LadderTier)
            : (fromPlan, RewardSource.Plan);
    }

    private static void CheckRewards(string setting, IList<CommissionLevelOptions> rewards, int maxCount, bool required, Currency currency, ImmutableArray<string>.Builder problems)
    {
        if (!required && rewards.Count > maxCount)
        {
            problems.Add($"{setting} has {rewards.Count} level(s) but the plan has {maxCount}.");
        }

        for (var i = 0; i < rewards.Count; i++)
        {
            var reward = rewards[i];
            var where = $"{setting}[{i}] (level {i + 1})";
            if (reward is null || (reward.Rate is null && reward.FixedAmount is null))
            {
                if (required)
                {
                    problems.Add($"{where} has neither a Rate nor a FixedAmount.");
                }

                continue;
            }

            if (reward.FixedAmount is { } amount)
            {
                if (amount.IsNegative)
                {
                    problems.Add($"{where} FixedAmount is {amount}; it must be zero or more.");
                }

                if (amount.Currency != currency)
                {
                    problems.Add($"{where} FixedAmount is in {amount.Currency.Code}, the plan in {currency.Code}.");
                }
            }
            else if (reward.Rate is { IsBetweenZeroAndOne: false } rate)
            {
                problems.Add($"{where} Rate is {rate}; it must be between 0% and 100%.");
            }
        }
    }

    private static LevelReward? ToReward(CommissionLevelOptions? level) =>
        level?.FixedAmount is { } amount ? LevelReward.OfFixedAmount(amount)
        : level?.Rate is { } rate ? LevelReward.OfRate(rate)
        : null;

    private static ImmutableArray<LevelReward?> ToRewards(IList<CommissionLevelOptions> levels) => [.. levels.Select(ToReward)];
}
