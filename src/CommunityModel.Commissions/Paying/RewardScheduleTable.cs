using System.Collections.Frozen;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// Every <see cref="RewardSchedule"/> of a plan resolved once: the plan's own, one per product and per tier
/// override, one per excluded product and order kind. The one lookup behind <see cref="CommissionPlan.ScheduleFor"/>.
/// </summary>
internal sealed class RewardScheduleTable
{
    private readonly CommissionPlan _plan;
    private readonly FrozenDictionary<string, RewardSchedule> _byProduct;
    private readonly FrozenDictionary<string, RewardSchedule> _byTier;
    private readonly FrozenDictionary<string, RewardSchedule> _excludedProducts;
    private readonly FrozenDictionary<string, RewardSchedule> _excludedKinds;

    /// <summary>Resolves the schedules of a plan.</summary>
    /// <param name="plan">The plan whose schedules these are (the only one that accepts them); its levels, overrides and exclusions are set.</param>
    internal RewardScheduleTable(CommissionPlan plan)
    {
        _plan = plan;
        Default = new RewardSchedule(plan, default, default, null);
        _byProduct = plan.ProductOverrides.ToFrozenDictionary(p => p.Key, p => new RewardSchedule(plan, p.Value, default, null), StringComparer.Ordinal);
        _byTier = plan.TierOverrides.ToFrozenDictionary(p => p.Key, p => new RewardSchedule(plan, default, p.Value, null), StringComparer.Ordinal);
        _excludedProducts = plan.ExcludedProducts.ToFrozenDictionary(
            product => product, product => new RewardSchedule(plan, default, default, $"Product '{product}' earns no commission under plan '{plan.Name}'."), StringComparer.Ordinal);
        _excludedKinds = plan.ExcludedOrderKinds.ToFrozenDictionary(
            kind => kind, kind => new RewardSchedule(plan, default, default, $"Orders of kind '{kind}' earn no commission under plan '{plan.Name}'."), StringComparer.Ordinal);
    }

    /// <summary>The plan's own rewards: no override, no exclusion.</summary>
    internal RewardSchedule Default { get; }

    /// <summary>Whether a schedule was resolved by this table's plan.</summary>
    internal bool Owns(RewardSchedule schedule) => ReferenceEquals(schedule.Plan, _plan);

    /// <summary>An excluded product, then an excluded order kind, gives a schedule that pays nothing and says why; then a product override beats a tier override level by level.</summary>
    internal RewardSchedule For(string? productId, string? ladderTier, string? orderKind)
    {
        if (productId is not null && _excludedProducts.Count > 0 && _excludedProducts.TryGetValue(productId, out var excluded))
        {
            return excluded;
        }

        if (orderKind is not null && _excludedKinds.Count > 0 && _excludedKinds.TryGetValue(orderKind, out excluded))
        {
            return excluded;
        }

        var byProduct = productId is not null && _byProduct.Count > 0 && _byProduct.TryGetValue(productId, out var p) ? p : null;
        var byTier = ladderTier is not null && _byTier.Count > 0 && _byTier.TryGetValue(ladderTier, out var t) ? t : null;
        return (byProduct, byTier) switch
        {
            (null, null) => Default,
            (not null, null) => byProduct,
            (null, not null) => byTier,
            _ => new RewardSchedule(_plan, _plan.ProductOverrides[productId!], _plan.TierOverrides[ladderTier!], null),
        };
    }
}
