using BenchmarkDotNet.Attributes;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Simulation;
using CommunityModel.Simulation;

namespace CommunityModel.Benchmarks;

/// <summary>
/// One 24-month run of the default business (1,000 bought leads a month), every order driven through a
/// <see cref="Community"/> on both sides: without commissions (the baseline) and with a three-level plan plugged in,
/// which adds one calculation and ledger entry per paid order.
/// </summary>
[MemoryDiagnoser]
public class GrowthSimulatorBenchmarks
{
    private GrowthSimulator _plain = null!;
    private GrowthSimulator _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new GrowthSimulator(new GrowthSimulationOptions());
        var plan = new CommissionPlanBuilder("standard").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).Build();
        _plan = new GrowthSimulator(new GrowthSimulationOptions(), new CommissionedCommunityFactory(plan));
    }

    [Benchmark(Baseline = true)]
    public GrowthProjection WithoutCommissions() => _plain.Run();

    [Benchmark]
    public GrowthProjection ThroughAPlan() => _plan.Run();
}
