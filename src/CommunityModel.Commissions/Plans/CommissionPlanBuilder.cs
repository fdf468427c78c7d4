namespace CommunityModel.Commissions.Plans;

/// <summary>
/// Builds a <see cref="CommissionPlan"/> in code; the same validation as options bound from configuration.
/// </summary>
/// <example>
/// <code>
/// var plan = new CommissionPlanBuilder("standard")
///     .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Money.Cny(3m))
///     .ExcludeOrderKinds("GroupBuy", "FlashSale")
///     .Build();
/// </code>
/// </example>
public sealed class CommissionPlanBuilder
{
    private readonly CommissionPlanOptions _options;

    /// <summary>Starts a plan.</summary>
    /// <param name="name">The plan's name.</param>
    /// <param name="currency">The plan's currency; CNY when not given.</param>
    public CommissionPlanBuilder(string name, Currency? currency = null)
    {
        _options = new CommissionPlanOptions { Name = name, Currency = currency ?? Currency.CNY };
    }

    /// <summary>Adds the next level, paying a rate of the commissionable base.</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Level(Rate rate)
    {
        _options.Levels.Add(new CommissionLevelOptions { Rate = rate });
        return this;
    }

    /// <summary>Adds the next level, paying a fixed amount per order line.</summary>
    /// <param name="fixedAmount">The amount.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Level(Money fixedAmount)
    {
        _options.Levels.Add(new CommissionLevelOptions { FixedAmount = fixedAmount });
        return this;
    }

    /// <summary>Replaces level rewards for one product; a <see langword="null"/> keeps the plan's reward at that level.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="rewards">The rewards, level 1 first.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder ForProduct(string productId, params LevelReward?[] rewards)
    {
        _options.ProductOverrides[productId] = ToOptions(rewards);
        return this;
    }

    /// <summary>Replaces level rewards for one ladder tier (e.g. <c>VIP</c>); a <see langword="null"/> keeps the plan's reward at that level.</summary>
    /// <param name="tier">The tier.</param>
    /// <param name="rewards">The rewards, level 1 first.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder ForTier(string tier, params LevelReward?[] rewards)
    {
        _options.TierOverrides[tier] = ToOptions(rewards);
        return this;
    }

    /// <summary>Makes products earn nothing (e.g. lead magnets).</summary>
    /// <param name="productIds">The products.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder ExcludeProducts(params string[] productIds)
    {
        AddAll(_options.ExcludedProducts, productIds);
        return this;
    }

    /// <summary>Makes order kinds earn nothing (e.g. <c>GroupBuy</c>, <c>FlashSale</c>).</summary>
    /// <param name="kinds">The order kinds.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder ExcludeOrderKinds(params string[] kinds)
    {
        AddAll(_options.ExcludedOrderKinds, kinds);
        return this;
    }

    /// <summary>Declares products whose purchase is the condition to join (the compliance linter reads them).</summary>
    /// <param name="productIds">The products.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder JoiningProducts(params string[] productIds)
    {
        AddAll(_options.JoiningProducts, productIds);
        return this;
    }

    /// <summary>Sets what rates apply to.</summary>
    /// <param name="commissionBase">The base.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder PayOn(CommissionBase commissionBase)
    {
        _options.Base = commissionBase;
        return this;
    }

    /// <summary>Sets who may earn.</summary>
    /// <param name="earners">The eligibility.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder EarnersAre(EarnerEligibility earners)
    {
        _options.Earners = earners;
        return this;
    }

    /// <summary>Sets what happens to a level whose upline may not earn.</summary>
    /// <param name="policy">Forfeit or compress.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder WhenUplineIneligible(IneligibleUplinePolicy policy)
    {
        _options.IneligibleUpline = policy;
        return this;
    }

    /// <summary>Sets how a rate's product is rounded (down by default).</summary>
    /// <param name="rounding">The rounding mode.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder RoundWith(RoundingMode rounding)
    {
        _options.Rounding = rounding;
        return this;
    }

    /// <summary>The plan as options, e.g. to register with dependency injection.</summary>
    /// <returns>The options (a live view of this builder).</returns>
    public CommissionPlanOptions ToOptions() => _options;

    /// <summary>Validates and creates the plan.</summary>
    /// <returns>The plan.</returns>
    /// <exception cref="CommissionPlanException">The plan breaks a rule; every problem is listed.</exception>
    public CommissionPlan Build() => CommissionPlan.Create(_options);

    internal static List<CommissionLevelOptions> ToOptions(LevelReward?[] rewards) =>
        [.. rewards.Select(r => new CommissionLevelOptions { Rate = r?.Rate, FixedAmount = r?.FixedAmount })];

    private static void AddAll(IList<string> target, string[] values)
    {
        foreach (var value in values)
        {
            target.Add(value);
        }
    }
}
