using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// For benchmarks whose one invocation is a whole month-end run (seconds): one launch, one warm-up, three
/// measured iterations. A mutator, so it trims whatever job runs (<c>-j Short</c>, <c>-j Dry</c> in CI, or
/// the default) instead of adding a second job next to it.
/// </summary>
public sealed class LargeRunConfig : ManualConfig
{
    public LargeRunConfig() => AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).AsMutator());
}
