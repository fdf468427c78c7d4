using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// For benchmarks whose one invocation is a whole month-end run (seconds): one launch, one warm-up, three
/// measured iterations. A mutator, so it trims whatever job runs (<c>-j Short</c>, <c>-j Dry</c> in CI, or
/// the default) instead of adding a second job next to it.
/// </summary>
/// <remarks>
/// Under CI (<c>CI=true</c>, set by <c>.ci/run</c>, whose dry run only proves that every benchmark still
/// runs) <see cref="Size"/> shrinks the workloads a hundredfold: the naive month-end run takes minutes per
/// invocation at full size. Never measure with <c>CI=true</c>.
/// </remarks>
public class LargeRunConfig : ManualConfig
{
    private static readonly bool UnderCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public LargeRunConfig()
        : this(warmupCount: 1, iterationCount: 3)
    {
    }

    /// <summary>A mutator with other counts, for the runs too long to repeat (see <see cref="SingleRun"/>).</summary>
    /// <param name="warmupCount">Warm-up iterations.</param>
    /// <param name="iterationCount">Measured iterations.</param>
    protected LargeRunConfig(int warmupCount, int iterationCount) =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(warmupCount).WithIterationCount(iterationCount).AsMutator());

    /// <summary>A workload size: as given, or a hundredth of it under CI.</summary>
    /// <param name="size">The size to measure at.</param>
    /// <returns>The size to run at.</returns>
    public static int Size(int size) => UnderCi ? Math.Max(100, size / 100) : size;

    /// <summary>One measured iteration after the first (jitting) run, for the scaling series whose largest case pays 100,000,000 orders per invocation.</summary>
    public sealed class SingleRun : LargeRunConfig
    {
        public SingleRun()
            : base(warmupCount: 0, iterationCount: 1)
        {
        }
    }
}
