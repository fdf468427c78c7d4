using CommunityModel.Lifecycle;

namespace CommunityModel.Metrics;

/// <summary>One stage of a value-chain funnel.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Entered">Members of the funnel who entered this stage, in order and within the conversion window.</param>
/// <param name="StepConversion">Entered ÷ the previous stage's entered; null for the first stage or when the previous stage is empty.</param>
/// <param name="OverallConversion">Entered ÷ the first stage's entered; null when the funnel is empty.</param>
/// <param name="DropOff">The previous stage's entered minus this stage's (0 for the first stage).</param>
/// <param name="MedianTimeFromPrevious">The median time from entering the previous stage to entering this one; null for the first stage or when nobody converted.</param>
/// <param name="MedianTimeFromStart">The median time from entering the first stage to entering this one; null for the first stage or when nobody converted.</param>
public sealed record FunnelStep(
    LifecycleStage Stage,
    long Entered,
    Rate? StepConversion,
    Rate? OverallConversion,
    long DropOff,
    TimeSpan? MedianTimeFromPrevious,
    TimeSpan? MedianTimeFromStart);
