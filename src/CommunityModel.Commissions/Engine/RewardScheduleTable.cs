using System.Collections.Frozen;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Engine;

/// <summary>
/// Every <see cref="RewardSchedule"/> of a plan resolved once: the plan's own, one per product and per tier
/// override, one per excluded product and order kind. The one lookup behind both
/// <see cref="CommissionCalculator.ScheduleFor"/> and <see cref="Team.CompensationPlan.ScheduleFor"/>.
/// </summary>
internal sealed class RewardScheduleTable
{
    private readonly object _owner;
    private readonly CommissionPlan? _levels;
    private readonly FrozenDictionary<string, RewardSchedule> _byProduct;
    private readonly FrozenDictionary<string, RewardSchedule> _byTier;
    private readonly FrozenDictionary<string, RewardSchedule> _excludedProducts;
    private readonly FrozenDictionary<string, RewardSchedule> _excludedKinds;

    /// <summary>Resolves the schedules of a plan.</summary>
    /// <param name="owner">The plan whose schedules these are (the only one that accepts them).</param>
    /// <param name="planName">The plan's name, for the exclusion texts.</param>
    /// <param name="levels">The levels, with their overrides; <see langword="null"/> for a plan that pays no levels.</param>
    /// <param name="excludedProducts">Products that earn nothing.</param>
    /// <param name="excludedKinds">Order kinds that earn nothing.</param>
    internal RewardScheduleTable(object owner, string planName, CommissionPlan? levels, IEnumerable<string> excludedProducts, IEnumerable<string> excludedKinds)
    {
        _owner = owner;
        _levels = levels;
        Default = new RewardSchedule(owner, levels, default, default, null);
        _byProduct = (levels?.ProductOverrides ?? FrozenDictionary<string, System.Collections.Immutable.ImmutableArray<LevelReward?>>.Empty)
            .ToFrozenDictionary(p => p.Key, p => new RewardSchedule(owner, levels, p.Value, default, null), StringComparer.Ordinal);
        _byTier = (levels?.TierOverrides ?? FrozenDictionary<string, System.Collections.Immutable.ImmutableArray<LevelReward?>>.Empty)
            .ToFrozenDictionary(p => p.Key, p => new RewardSchedule(owner, levels, default, p.Value, null), StringComparer.Ordinal);
        _excludedProducts = excludedProducts.ToFrozenDictionary(
            product => product, product => new RewardSchedule(owner, levels, default, default, $"Product '{product}' earns no commission under plan '{planName}'."), StringComparer.Ordinal);
        _excludedKinds = excludedKinds.ToFrozenDictionary(
            kind => kind, kind => new RewardSchedule(owner, levels, default, default, $"Orders of kind '{kind}' earn no commission under plan '{planName}'."), StringComparer.Ordinal);
    }

    /// <summary>The plan's own rewards: no override, no exclusion.</summary>
    internal RewardSchedule Default { get; }

    /// <summary>Whether a schedule was resolved by this table's plan.</summary>
    internal bool Owns(RewardSchedule schedule) => ReferenceEquals(schedule.Owner, _owner);

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
            _ => new RewardSchedule(_owner, _levels, _levels!.ProductOverrides[productId!], _levels.TierOverrides[ladderTier!], null),
        };
    }
}
