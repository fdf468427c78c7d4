using BenchmarkDotNet.Attributes;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Simulation;
using CommunityModel.Metrics.Simulation;

namespace CommunityModel.Benchmarks;

/// <summary>
/// One 24-month run of the default business (1,000 bought leads a month): exact expected counts (the baseline)
/// against seeded binomial draws, which cost one random number per person and step, and against the same draws
/// paid through a real commission plan (priced once per product and run, so it should cost nothing extra).
/// </summary>
[MemoryDiagnoser]
public class GrowthSimulatorBenchmarks
{
    private GrowthSimulator _expected = null!;
    private GrowthSimulator _sampled = null!;
    private GrowthSimulator _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _expected = new GrowthSimulator(new GrowthSimulationOptions { Draws = SimulationDraws.Expected });
        _sampled = new GrowthSimulator(new GrowthSimulationOptions());
        var plan = new CommissionPlanBuilder("standard").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).Build();
        _plan = new GrowthSimulator(new GrowthSimulationOptions(), new CommissionPlanPayout(plan));
    }

    [Benchmark(Baseline = true)]
    public GrowthProjection ExpectedCounts() => _expected.Run();

    [Benchmark]
    public GrowthProjection SeededDraws() => _sampled.Run();

    [Benchmark]
    public GrowthProjection SeededDrawsThroughAPlan() => _plan.Run();
}
