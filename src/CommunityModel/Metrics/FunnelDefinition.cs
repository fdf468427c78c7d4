using System.Collections.Immutable;
using CommunityModel.Lifecycle;

namespace CommunityModel.Metrics;

/// <summary>The rules a funnel's stages must follow: none (the whole main chain), or at least two, each once, all on the main chain, in its order.</summary>
internal static class FunnelDefinition
{
    /// <summary>The funnel when none is configured: the whole main chain.</summary>
    internal static readonly ImmutableArray<LifecycleStage> MainChain =
        [LifecycleStage.Prospect, LifecycleStage.Fan, LifecycleStage.Customer, LifecycleStage.Member, LifecycleStage.Partner];

    internal static bool IsOnMainChain(LifecycleStage stage) => stage is >= LifecycleStage.Prospect and <= LifecycleStage.Partner;

    /// <summary>What is wrong with the stages, or null when they make a funnel.</summary>
    internal static string? Problem(IList<LifecycleStage>? stages)
    {
        if (stages is null || stages.Count == 0)
        {
            return null;
        }

        if (stages.Count < 2)
        {
            return $"a funnel needs at least two stages (or none for the whole chain); got {stages.Count}.";
        }

        for (var i = 0; i < stages.Count; i++)
        {
            if (!IsOnMainChain(stages[i]))
            {
                return $"{stages[i]} is not a stage of the main chain (Prospect, Fan, Customer, Member, Partner).";
            }

            if (i > 0 && stages[i] <= stages[i - 1])
            {
                return $"{stages[i]} comes after {stages[i - 1]}; stages must follow the value chain, each once (Prospect, Fan, Customer, Member, Partner).";
            }
        }

        return null;
    }
}
