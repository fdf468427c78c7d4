using System.Runtime.CompilerServices;

namespace CommunityModel.Lifecycle;

/// <summary>The UTC ticks at which a member first entered each stage (0: never), inline, one slot per stage.</summary>
[InlineArray(Count)]
internal struct StageTimes
{
    /// <summary>The number of stages of <see cref="LifecycleStage"/>.</summary>
    public const int Count = 9;

    private long _element;
}
