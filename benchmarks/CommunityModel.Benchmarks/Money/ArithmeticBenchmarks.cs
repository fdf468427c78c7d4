using BenchmarkDotNet.Attributes;

namespace CommunityModel.Benchmarks;

/// <summary>
/// A commission on an order: bare decimal arithmetic with Math.Round (the baseline an integrator
/// would write) against Money × Rate, which is exact, checked and currency-safe.
/// </summary>
[MemoryDiagnoser]
public class ArithmeticBenchmarks
{
    private readonly decimal _orderAmount = 3600m;
    private readonly decimal _rate = 0.15m;
    private Money _order;
    private Rate _commission;

    [GlobalSetup]
    public void Setup()
    {
        _order = Money.Cny(_orderAmount);
        _commission = Rate.FromFraction(_rate);
    }

    [Benchmark(Baseline = true, Description = "decimal × decimal, Math.Round")]
    public decimal DecimalRound() => Math.Round(_orderAmount * _rate, 2, MidpointRounding.ToZero);

    [Benchmark(Description = "Money × Rate, RoundingMode.Down")]
    public Money MoneyTimesRate() => _order.Multiply(_commission, RoundingMode.Down);

    [Benchmark(Description = "Money + Money")]
    public Money Add() => _order + _order;

    [Benchmark(Description = "Money.Cny(decimal)")]
    public Money Create() => Money.Cny(_orderAmount);
}
