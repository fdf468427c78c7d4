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
/// The engine pays orders grouped by buyer in the network's pre-order (<see cref="BuyerSequence"/>), so consecutive
/// orders share most of their upline. <c>KernelBuyerOrder</c> is the same hand-written kernel over the orders sorted
/// that way beforehand (the sort not measured): the gain of locality alone. <c>BuyerSort</c> is the sort alone.
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
    }

    [Benchmark(Baseline = true, Description = "HandWrittenKernel")]
    public long[] HandWrittenKernel() => TeamPlanKernel.Run(_workload, _parents, _totals);

    [Benchmark(Description = "KernelBuyerOrder")]
    public long[] KernelBuyerOrder() => TeamPlanKernel.Run(_inBuyerOrder, _parents, _totals);

    [Benchmark(Description = "BuyerSort")]
    public int BuyerSort() => BuyerSequence.Create(_workload.Buyers, _workload.Network.Count).Orders.Length;

    [Benchmark(Description = "Engine")]
    public CommissionRunResult Engine() => _engine.PayBatch(_ranks, _batch);
}
