using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Plans;

/// <summary>Builds a <see cref="CommissionPlan"/> in code, rule by rule; the same validation as options bound from configuration.</summary>
/// <example>
/// <code>
/// var plan = new CommissionPlanBuilder("team")
///     .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
///     .Rank("R1", Rate.FromPercent(5), r => r.MinPersonalVolume = Money.Cny(3600m))
///     .Rank("R2", Rate.FromPercent(10), r => r.MinTeamVolume = Money.Cny(100_000m))
///     .PeerBonus(Rate.FromPercent(2))
///     .CapPayoutAt(Rate.FromPercent(30))
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

    /// <summary>Adds the next multi-level level, paying a rate of the base.</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Level(Rate rate)
    {
        _options.Levels.Add(new CommissionLevelOptions { Rate = rate });
        return this;
    }

    /// <summary>Adds the next multi-level level, paying a fixed amount per order line.</summary>
    /// <param name="fixedAmount">The amount.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Level(Money fixedAmount)
    {
        _options.Levels.Add(new CommissionLevelOptions { FixedAmount = fixedAmount });
        return this;
    }

    /// <summary>Replaces level rewards for one product; a <see langword="null"/> keeps the plan's reward at that level. Only the level rewards change.</summary>
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

    /// <summary>Makes products earn nothing under any rule and count no volume (e.g. lead magnets).</summary>
    /// <param name="productIds">The products.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder ExcludeProducts(params string[] productIds)
    {
        foreach (var product in productIds)
        {
            _options.ExcludedProducts.Add(product);
        }

        return this;
    }

    /// <summary>Makes order kinds earn nothing under any rule and count no volume (e.g. <c>GroupBuy</c>, <c>FlashSale</c>).</summary>
    /// <param name="kinds">The order kinds.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder ExcludeOrderKinds(params string[] kinds)
    {
        foreach (var kind in kinds)
        {
            _options.ExcludedOrderKinds.Add(kind);
        }

        return this;
    }

    /// <summary>Declares the deepest upline any rule may pay (three by default), counting the buyer's sponsor as 1.</summary>
    /// <param name="depth">The depth, 1 to <see cref="CommissionPlan.DepthLimit"/>.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder PayToDepth(int depth)
    {
        _options.MaxDepth = depth;
        return this;
    }

    /// <summary>Lets a buyer who may earn take level 1 on its own purchase (自购返佣), its sponsor level 2, and so on.</summary>
    /// <param name="enabled">Whether it does.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder PaySelfPurchase(bool enabled = true)
    {
        _options.SelfPurchase = enabled;
        return this;
    }

    /// <summary>Declares products whose purchase is the condition to join or to become a promoter (入门费); the compliance linter reads them.</summary>
    /// <param name="productIds">The products.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder JoiningProducts(params string[] productIds)
    {
        foreach (var product in productIds)
        {
            _options.JoiningProducts.Add(product);
        }

        return this;
    }

    /// <summary>Adds the next rank, above those added before.</summary>
    /// <param name="code">The rank's code.</param>
    /// <param name="differentialRate">Its differential rate, above the previous rank's.</param>
    /// <param name="configure">Sets its name, peer rate and qualification rules.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Rank(string code, Rate differentialRate, Action<RankOptions>? configure = null)
    {
        var rank = new RankOptions { Code = code, DifferentialRate = differentialRate };
        configure?.Invoke(rank);
        _options.Ranks.Add(rank);
        return this;
    }

    /// <summary>Sets whether the seller's own rank pays the differential on its own sale (it does by default).</summary>
    /// <param name="earns">Whether it does.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder SellerEarnsOwnRank(bool earns)
    {
        _options.SellerEarnsOwnRank = earns;
        return this;
    }

    /// <summary>Pays a peer bonus (平级奖) to same-rank uplines above a rank's holder.</summary>
    /// <param name="rate">The rate.</param>
    /// <param name="basis">What it applies to.</param>
    /// <param name="generations">How many same-rank generations earn it, 1 to 3.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder PeerBonus(Rate rate, PeerBonusBasis basis = PeerBonusBasis.OfBase, int generations = 1)
    {
        _options.PeerBonus = new PeerBonusOptions { Rate = rate, Basis = basis, Generations = generations };
        return this;
    }

    /// <summary>Pays a generation bonus on split-off teams: each same-rank upline above a rank's holder earns its generation's rate, the first above the holder first.</summary>
    /// <param name="basis">What the rates apply to.</param>
    /// <param name="generationRates">One rate per generation, 1 to 3 of them, e.g. 3%, 2%, 1%.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder PeerBonusByGeneration(PeerBonusBasis basis, params Rate[] generationRates)
    {
        ArgumentNullException.ThrowIfNull(generationRates);
        _options.PeerBonus = new PeerBonusOptions { Basis = basis, Generations = generationRates.Length, GenerationRates = [.. generationRates] };
        return this;
    }

    /// <summary>Caps what one order pays at a rate of its base; lines are scaled down exactly when the cap binds.</summary>
    /// <param name="cap">The cap, 0% to 100%.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder CapPayoutAt(Rate cap)
    {
        _options.PayoutCap = cap;
        return this;
    }

    /// <summary>Sets whether ranks are recomputed each period or kept once reached.</summary>
    /// <param name="retention">The retention.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder RetainRanks(RankRetention retention)
    {
        _options.RankRetention = retention;
        return this;
    }

    /// <summary>Sets whether split-off teams' volume counts toward their origin's qualification.</summary>
    /// <param name="splitOff">The option.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder SplitOff(SplitOffVolume splitOff)
    {
        _options.SplitOffVolume = splitOff;
        return this;
    }

    /// <summary>Requires a personal volume in the period to earn under any rule (a member below it is unqualified).</summary>
    /// <param name="minimum">The volume, zero or more in the plan's currency.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder EarnersNeedPersonalVolume(Money minimum)
    {
        _options.MinPersonalVolumeToEarn = minimum;
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

    /// <summary>Sets who may earn, under every rule.</summary>
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

    /// <summary>Adds the next role, paying its holder a share of the base of every order line naming one.</summary>
    /// <param name="role">The role's name, e.g. <c>division</c>.</param>
    /// <param name="rate">The share, 0% to 100% of the base.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Role(string role, Rate rate)
    {
        _options.Roles.Add(new RoleOptions { Role = role, Rate = rate });
        return this;
    }

    /// <summary>Adds the next role, paying its holder a fixed amount per order line naming one.</summary>
    /// <param name="role">The role's name, e.g. <c>agent</c>.</param>
    /// <param name="amount">The amount, zero or more in the plan's currency.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Role(string role, Money amount)
    {
        _options.Roles.Add(new RoleOptions { Role = role, Amount = amount });
        return this;
    }

    /// <summary>Adds the next role, paying its holder progressive rates on their period volume in the role (staff profit sharing, 内部员工分润递进).</summary>
    /// <param name="role">The role's name, e.g. <c>sales</c>.</param>
    /// <param name="mode">The whole volume at the band reached, or marginal bands like tax brackets.</param>
    /// <param name="bands">The bands, lowest first; the first starts at zero.</param>
    /// <returns>This builder.</returns>
    public CommissionPlanBuilder Role(string role, StaffBandMode mode, params StaffBand[] bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        _options.Roles.Add(new RoleOptions { Role = role, Mode = mode, Bands = [.. bands.Select(b => new StaffBandOptions { From = b.From, Rate = b.Rate })] });
        return this;
    }

    /// <summary>The plan as options, e.g. to register with dependency injection.</summary>
    /// <returns>The options (a live view of this builder).</returns>
    public CommissionPlanOptions ToOptions() => _options;

    /// <summary>Validates and creates the plan.</summary>
    /// <returns>The plan.</returns>
    /// <exception cref="CommissionPlanException">The plan breaks a rule; every problem is listed with its code.</exception>
    public CommissionPlan Build() => CommissionPlan.Create(_options);

    private static List<CommissionLevelOptions> ToOptions(LevelReward?[] rewards) =>
        [.. rewards.Select(r => new CommissionLevelOptions { Rate = r?.Rate, FixedAmount = r?.FixedAmount })];
}
