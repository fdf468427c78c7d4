using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Engine;

/// <summary>
/// What a plan pays per level for one product, ladder tier and order kind, resolved once: the reward of
/// each level after overrides, where it came from, or why such orders earn nothing. Immutable.
/// </summary>
/// <remarks>
/// Get one from <see cref="CommissionCalculator.ScheduleFor"/> and keep it for as long as the plan: the
/// allocation-free <see cref="CommissionCalculator"/> overloads take it so the per-order walk does no
/// dictionary or string work. Rates are kept decomposed into integers, so each level costs one
/// multiply and one divide.
/// </remarks>
public sealed class RewardSchedule
{
    private readonly ResolvedLevel[] _levels;

    internal RewardSchedule(CommissionPlan plan, ImmutableArray<LevelReward?> product, ImmutableArray<LevelReward?> tier, string? exclusion)
    {
        Plan = plan;
        Exclusion = exclusion;
        _levels = new ResolvedLevel[plan.Levels.Length];
        var rewards = new LevelReward[_levels.Length];
        var sources = new RewardSource[_levels.Length];
        for (var i = 0; i < _levels.Length; i++)
        {
            var (reward, source) = plan.RewardFor(i + 1, product, tier);
            rewards[i] = reward;
            sources[i] = source;
            _levels[i] = new ResolvedLevel(reward.FixedAmount?.MinorUnits ?? -1, reward.RateMantissa, reward.RateDivisor);
        }

        Rewards = [.. rewards];
        Sources = [.. sources];
    }

    /// <summary>The plan the schedule belongs to.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>What each level pays, level 1 first, after product and tier overrides.</summary>
    public ImmutableArray<LevelReward> Rewards { get; }

    /// <summary>Where each level's reward came from, level 1 first.</summary>
    public ImmutableArray<RewardSource> Sources { get; }

    /// <summary>Why orders under this schedule earn nothing (an excluded product or order kind); <see langword="null"/> when they earn.</summary>
    public string? Exclusion { get; }

    /// <summary>The levels in their integer form, level 1 first.</summary>
    internal ReadOnlySpan<ResolvedLevel> Levels => _levels;

    /// <summary>One level as the walk computes it: a fixed amount (or -1 for a rate) and the rate as mantissa ÷ divisor (divisor 0 when it needs 128 bits).</summary>
    internal readonly record struct ResolvedLevel(long FixedMinorUnits, ulong RateMantissa, ulong RateDivisor);
}
