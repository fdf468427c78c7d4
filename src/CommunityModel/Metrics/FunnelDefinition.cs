using CommunityModel.Lifecycle;

namespace CommunityModel.Metrics;

/// <summary>The rules a funnel's stages must follow: at least two, each once, all on the main chain, in its order.</summary>
internal static class FunnelDefinition
{
    internal static bool IsOnMainChain(LifecycleStage stage) => stage is >= LifecycleStage.Prospect and <= LifecycleStage.Partner;

    /// <summary>What is wrong with the stages, or null when they make a funnel.</summary>
    internal static string? Problem(IList<LifecycleStage>? stages)
    {
        if (stages is null || stages.Count < 2)
        {
            return $"a funnel needs at least two stages; got {stages?.Count ?? 0}.";
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
