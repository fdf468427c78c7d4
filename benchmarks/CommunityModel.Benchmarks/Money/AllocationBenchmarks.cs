using BenchmarkDotNet.Attributes;

namespace CommunityModel.Benchmarks;

/// <summary>
/// Splitting a bundle price over its parts' standalone prices: what an integrator writes by hand
/// (decimal shares, rounded, the last part takes the difference) against the library's exact
/// largest-remainder allocation.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private readonly decimal _price = 3600m;
    private readonly decimal[] _standalone = [1999m, 1299m, 2980m, 399m, 1200m];
    private readonly long[] _standaloneFen = [199_900, 129_900, 298_000, 39_900, 120_000];
    private readonly long[] _parts = new long[5];
    private Money _priceMoney;

    [GlobalSetup]
    public void Setup() => _priceMoney = Money.Cny(_price);

    [Benchmark(Baseline = true, Description = "Naive decimal, last part takes the rest")]
    public decimal[] NaiveDecimal()
    {
        var total = _standalone.Sum();
        var shares = _standalone.Select(p => Math.Round(_price * p / total, 2, MidpointRounding.AwayFromZero)).ToArray();
        shares[^1] += _price - shares.Sum();
        return shares;
    }

    [Benchmark(Description = "LargestRemainder.Allocate (span)")]
    public long[] SpanCore()
    {
        LargestRemainder.Allocate(_priceMoney.MinorUnits, _standaloneFen, _parts);
        return _parts;
    }

    [Benchmark(Description = "Money.Allocate(decimal weights)")]
    public System.Collections.Immutable.ImmutableArray<Money> MoneyByDecimalWeights() => _priceMoney.Allocate(_standalone);

    [Benchmark(Description = "Money.Split(12)")]
    public System.Collections.Immutable.ImmutableArray<Money> MoneySplit() => _priceMoney.Split(12);
}
