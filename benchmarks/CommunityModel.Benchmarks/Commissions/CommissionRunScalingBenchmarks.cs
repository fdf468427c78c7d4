using BenchmarkDotNet.Attributes;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// How the month-end run's cost grows with the network: 10,000 to 10,000,000 members with ten orders per
/// member, <see cref="TeamPlan"/>, ranks given. Linear growth shows as a constant time per order across
/// the rows (Mean ÷ (10 × Members)). One measured run per case (<see cref="LargeRunConfig.SingleRun"/>): the
/// largest pays 100,000,000 orders per invocation.
/// </summary>
/// <remarks>
/// The baseline is the fastest practical hand-written code on one thread: group the orders by buyer in the network's
/// pre-order (a counting sort of the (buyer, base) pairs into arrays allocated once), so consecutive orders share most
/// of their upline, then the hand-written kernel over them; both measured. <c>KernelBuyerOrder</c> and
/// <c>BuyerSort</c> are its two halves alone; <c>HandWrittenKernel</c> is the same kernel in arrival order (a cache miss
/// per level once the network outgrows the caches). <c>KernelSummedPerBuyer</c> is the engine's own algorithm written by
/// hand for this plan on one thread (group the bases by buyer, sum <c>⌊B·r⌋</c> per buyer and rate, one walk per buyer),
/// so the engine is also measured against the best hand-written code of what it does. The engine uses every core and
/// allocates its result.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(LargeRunConfig.SingleRun))]
public class CommissionRunScalingBenchmarks
{
    private const int OrdersPerMember = 10;

    private TeamRunWorkload _workload = null!;
    private int[] _parents = [];
    private long[] _totals = [];
    private CommissionRun _engine = null!;
    private MemberRanks _ranks = null!;
    private OrderBatch _batch = null!;
    private TeamRunWorkload _inBuyerOrder = null!;
    private int[] _starts = [];
    private int[] _sortedBuyers = [];
    private long[] _sortedBases = [];

    [Params(10_000, 100_000, 1_000_000, 10_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = TeamRunWorkload.Generate(LargeRunConfig.Size(Members), LargeRunConfig.Size(OrdersPerMember * Members));
        _parents = _workload.Parents();
        _totals = new long[_workload.Network.Count];
        var plan = TeamPlan.Plan();
        _engine = new CommissionRun(plan);
        _ranks = MemberRanks.Create(_workload.Network, plan.Ladder, _workload.Ranks);
        _batch = new OrderBatch(_workload.Buyers, _workload.Bases);
        _inBuyerOrder = _workload.InBuyerOrder();
        _starts = new int[_workload.Network.Count + 1];
        _sortedBuyers = new int[_workload.Buyers.Length];
        _sortedBases = new long[_workload.Bases.Length];
    }

    [Benchmark(Baseline = true, Description = "KernelBuyerOrder + BuyerSort")]
    public long[] SortThenKernel()
    {
        TeamPlanKernel.GroupByBuyer(_workload.Buyers, _workload.Bases, _starts, _sortedBuyers, _sortedBases);
        Array.Clear(_totals);
        TeamPlanKernel.Pay(_parents, _workload.Ranks, _sortedBuyers, _sortedBases, _totals);
        return _totals;
    }

    [Benchmark(Description = "KernelSummedPerBuyer")]
    public long[] KernelSummedPerBuyer()
    {
        Array.Clear(_totals);
        TeamPlanKernel.PaySummedPerBuyer(_parents, _workload.Ranks, _workload.Buyers, _workload.Bases, _starts, _sortedBases, _totals);
        return _totals;
    }

    [Benchmark(Description = "KernelBuyerOrder (sort not counted)")]
    public long[] KernelBuyerOrder() => TeamPlanKernel.Run(_inBuyerOrder, _parents, _totals);

    [Benchmark(Description = "BuyerSort alone")]
    public int BuyerSort()
    {
        TeamPlanKernel.GroupByBuyer(_workload.Buyers, _workload.Bases, _starts, _sortedBuyers, _sortedBases);
        return _starts[^1];
    }

    [Benchmark(Description = "HandWrittenKernel, arrival order")]
    public long[] HandWrittenKernel() => TeamPlanKernel.Run(_workload, _parents, _totals);

    [Benchmark(Description = "Engine, every core")]
    public CommissionRunResult Engine() => _engine.PayBatch(_ranks, _batch);
}
