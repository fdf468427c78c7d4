using BenchmarkDotNet.Attributes;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// The month-end run at scale: 1,000,000 members (skewed tree, depth up to about 30) and 10,000,000 orders paid
/// through three levels + a four-rank differential + a one-generation peer bonus (<see cref="TeamPlan"/>), ranks
/// given (the paying phase only). Rows: the fair baseline (the orders grouped by buyer with a counting sort, then the
/// hand-written array kernel, one thread, both measured), the same kernel in arrival order, the naive integrator code
/// (dictionaries, LINQ, decimal per order), and the library's engine.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LargeRunConfig))]
public class CommissionRunBenchmarks
{
    private const int Members = 1_000_000;
    private const int Orders = 10_000_000;

    private TeamRunWorkload _workload = null!;
    private int[] _parents = [];
    private long[] _totals = [];
    private int[] _starts = [];
    private int[] _sortedBuyers = [];
    private long[] _sortedBases = [];
    private NaiveTeamRun _naive = null!;
    private CommissionRun _engine = null!;
    private MemberRanks _ranks = null!;
    private OrderBatch _batch = null!;

    [GlobalSetup(Targets = [nameof(SortThenKernel), nameof(HandWrittenKernel)])]
    public void SetupKernel()
    {
        _workload = TeamRunWorkload.Generate(LargeRunConfig.Size(Members), LargeRunConfig.Size(Orders));
        _parents = _workload.Parents();
        _totals = new long[_workload.Network.Count];
        _starts = new int[_workload.Network.Count + 1];
        _sortedBuyers = new int[_workload.Buyers.Length];
        _sortedBases = new long[_workload.Bases.Length];
    }

    [GlobalSetup(Target = nameof(Naive))]
    public void SetupNaive()
    {
        _workload = TeamRunWorkload.Generate(LargeRunConfig.Size(Members), LargeRunConfig.Size(Orders));
        _naive = new NaiveTeamRun(_workload);
    }

    [GlobalSetup(Target = nameof(Engine))]
    public void SetupEngine()
    {
        _workload = TeamRunWorkload.Generate(LargeRunConfig.Size(Members), LargeRunConfig.Size(Orders));
        var plan = TeamPlan.Plan();
        _engine = new CommissionRun(plan);
        _ranks = MemberRanks.Create(_workload.Network, plan.Ladder, _workload.Ranks);
        _batch = new OrderBatch(_workload.Buyers, _workload.Bases);
    }

    [Benchmark(Baseline = true, Description = "KernelBuyerOrder + BuyerSort: counting sort, arrays, long fen, one thread")]
    public long[] SortThenKernel()
    {
        TeamPlanKernel.GroupByBuyer(_workload.Buyers, _workload.Bases, _starts, _sortedBuyers, _sortedBases);
        Array.Clear(_totals);
        TeamPlanKernel.Pay(_parents, _workload.Ranks, _sortedBuyers, _sortedBases, _totals);
        return _totals;
    }

    [Benchmark(Description = "HandWrittenKernel: arrival order, one thread")]
    public long[] HandWrittenKernel() => TeamPlanKernel.Run(_workload, _parents, _totals);

    [Benchmark(Description = "Naive: dictionaries, LINQ, decimal")]
    public Dictionary<long, decimal> Naive() => _naive.Run();

    [Benchmark(Description = "Engine: CommissionRun.PayBatch, every core")]
    public CommissionRunResult Engine() => _engine.PayBatch(_ranks, _batch);
}
