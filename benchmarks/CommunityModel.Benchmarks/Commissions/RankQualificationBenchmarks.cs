using BenchmarkDotNet.Attributes;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// The month-end run's first phase on its own: personal volume from 10,000,000 orders and rank qualification
/// of 1,000,000 members (<see cref="TeamPlan.QualifyingPlan"/>), the hand-written kernel against the
/// engine's <see cref="CommissionRun.QualifyRanks"/> (which also keeps per-member volumes and explanations).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LargeRunConfig))]
public class RankQualificationBenchmarks
{
    private TeamRunWorkload _workload = null!;
    private int[] _parents = [];
    private CommissionRun _engine = null!;
    private OrderBatch _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = TeamRunWorkload.Generate(LargeRunConfig.Size(1_000_000), LargeRunConfig.Size(10_000_000));
        _parents = _workload.Parents();
        _engine = new CommissionRun(TeamPlan.QualifyingPlan());
        _batch = new OrderBatch(_workload.Buyers, _workload.Bases);
    }

    [Benchmark(Baseline = true, Description = "HandWrittenKernel: volumes + one reverse pass")]
    public byte[] HandWrittenKernel() => RankQualificationKernel.Qualify(_parents, _workload.Buyers, _workload.Bases);

    [Benchmark(Description = "Engine: CommissionRun.QualifyRanks")]
    public object Engine() => _engine.QualifyRanks(_workload.Network, _batch);
}
