using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Rules;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// What a plan pays per level for one product, ladder tier and order kind, resolved once: the reward of
/// each level after overrides, where it came from, or why such orders earn nothing. Immutable.
/// </summary>
/// <remarks>
/// Get one from <see cref="CommissionPlan.ScheduleFor"/> and keep it for as long as the plan: the
/// allocation-free overloads and the month-end <see cref="Run.OrderBatch"/> take it so the per-order walk does
/// no dictionary or string work. Rates are kept decomposed into integers, so each level costs one multiply
/// and one divide. A schedule belongs to the plan that resolved it; another plan refuses it.
/// </remarks>
public sealed class RewardSchedule
{
    private readonly ResolvedLevel[] _levels;

    internal RewardSchedule(CommissionPlan plan, ImmutableArray<LevelReward?> product, ImmutableArray<LevelReward?> tier, string? exclusion)
    {
        Plan = plan;
        Exclusion = exclusion;
        var count = plan.Levels.Length;
        _levels = new ResolvedLevel[count];
        var rewards = new LevelReward[count];
        var sources = new RewardSource[count];
        for (var i = 0; i < count; i++)
        {
            var (reward, source) = plan.RewardFor(i + 1, product, tier);
            rewards[i] = reward;
            sources[i] = source;
            _levels[i] = new ResolvedLevel(reward.FixedAmount?.MinorUnits ?? -1, new RateFactor(reward.Rate.GetValueOrDefault()));
        }

        Rewards = [.. rewards];
        Sources = [.. sources];
        Rounding = plan.Rounding;
        Compress = plan.IneligibleUpline == IneligibleUplinePolicy.Compress;
        Earners = new EarnerFilter(plan);
        MaxDepth = plan.MaxDepth;
        SelfPurchase = plan.SelfPurchase;
    }

    /// <summary>The plan that resolved the schedule: the only one that accepts it.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>What each level pays, level 1 first, after product and tier overrides; empty when the plan pays no levels.</summary>
    public ImmutableArray<LevelReward> Rewards { get; }

    /// <summary>Where each level's reward came from, level 1 first.</summary>
    public ImmutableArray<RewardSource> Sources { get; }

    /// <summary>Why orders under this schedule earn nothing under any rule (an excluded product or order kind); <see langword="null"/> when they earn.</summary>
    public string? Exclusion { get; }

    /// <summary>The levels in their integer form, level 1 first.</summary>
    internal ReadOnlySpan<ResolvedLevel> Levels => _levels;

    /// <summary>How a level's rate is rounded.</summary>
    internal RoundingMode Rounding { get; }

    /// <summary>Whether an ineligible upline is compressed past (otherwise its level is forfeited).</summary>
    internal bool Compress { get; }

    /// <summary>Who may earn a level.</summary>
    internal EarnerFilter Earners { get; }

    /// <summary>The deepest upline a level may go to, the buyer's sponsor being 1 (compressing past members counts their generations).</summary>
    internal int MaxDepth { get; }

    /// <summary>Whether an eligible buyer takes level 1 on its own purchase (自购返佣).</summary>
    internal bool SelfPurchase { get; }

    /// <summary>One level as the walk computes it: a fixed amount (or -1 for a rate) and the rate in integer form.</summary>
    internal readonly record struct ResolvedLevel(long FixedMinorUnits, RateFactor Rate);
}
