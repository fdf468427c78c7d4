using BenchmarkDotNet.Attributes;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// How the month-end run's cost grows with the network: 10,000 to 10,000,000 members with ten orders per
/// member, <see cref="TeamPlan"/>, ranks given. Linear growth shows as a constant time per order across
/// the rows (Mean ÷ (10 × Members)).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LargeRunConfig))]
public class CommissionRunScalingBenchmarks
{
    private const int OrdersPerMember = 10;

    private TeamRunWorkload _workload = null!;
    private int[] _parents = [];
    private long[] _totals = [];

    [Params(10_000, 100_000, 1_000_000, 10_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = TeamRunWorkload.Generate(LargeRunConfig.Size(Members), LargeRunConfig.Size(OrdersPerMember * Members));
        _parents = _workload.Parents();
        _totals = new long[_workload.Network.Count];
    }

    // ── Engine row: [Benchmark(Description = "Engine")] over the same _workload, once branch
    //    issue-6-team has landed its Run/ API. ──

    [Benchmark(Baseline = true, Description = "HandWrittenKernel")]
    public long[] HandWrittenKernel() => TeamPlanKernel.Run(_workload, _parents, _totals);
}
