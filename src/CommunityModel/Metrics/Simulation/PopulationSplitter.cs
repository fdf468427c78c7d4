namespace CommunityModel.Metrics.Simulation;

/// <summary>
/// Splits a whole number of people into outcomes by rates, either exactly by largest remainder or by seeded
/// binomial draws. The parts always sum to the people split. One per run; not thread-safe.
/// </summary>
internal sealed class PopulationSplitter
{
    private readonly Random? _random;

    public PopulationSplitter(SimulationDraws draws, int seed)
    {
        _random = draws == SimulationDraws.Sampled ? new Random(seed) : null;
    }

    /// <summary>Splits <paramref name="people"/> into <c>[taking the step, not]</c>.</summary>
    public long Take(long people, Rate rate)
    {
        Span<long> parts = stackalloc long[2];
        Split(people, rate, Rate.Zero, parts[..2]);
        return parts[0];
    }

    /// <summary>
    /// Splits <paramref name="people"/> into <c>[first, second, rest]</c> with the rates of the first two outcomes
    /// (together at most 100%); pass a two-element span to leave out the second outcome.
    /// </summary>
    public void Split(long people, Rate first, Rate second, Span<long> parts)
    {
        var rest = 1m - first.Fraction - second.Fraction;
        if (people == 0)
        {
            parts.Clear();
            return;
        }

        if (_random is null)
        {
            if (parts.Length == 2)
            {
                LargestRemainder.Allocate(people, [first.Fraction, 1m - first.Fraction], parts);
            }
            else
            {
                LargestRemainder.Allocate(people, [first.Fraction, second.Fraction, rest], parts);
            }

            return;
        }

        parts[0] = Binomial(people, first.Fraction);
        if (parts.Length == 2)
        {
            parts[1] = people - parts[0];
            return;
        }

        var left = people - parts[0];
        var remainingShare = 1m - first.Fraction;
        parts[1] = remainingShare == 0m ? 0 : Binomial(left, Math.Min(1m, second.Fraction / remainingShare));
        parts[2] = left - parts[1];
    }

    /// <summary>
    /// An exact binomial draw in time proportional to the smaller of the successes and the failures: the gaps
    /// between successes are geometric, drawn by inversion, <c>floor(ln U / ln(1 − p))</c> failures each.
    /// </summary>
    private long Binomial(long trials, decimal probability)
    {
        if (probability <= 0m || trials == 0)
        {
            return 0;
        }

        if (probability >= 1m)
        {
            return trials;
        }

        if (probability > 0.5m)
        {
            return trials - Binomial(trials, 1m - probability);
        }

        var logFailure = double.LogP1(-(double)probability);
        long successes = 0, position = 0;
        while (true)
        {
            var gap = Math.Floor(Math.Log(1.0 - _random!.NextDouble()) / logFailure);
            if (gap >= trials - position)
            {
                return successes;
            }

            position += (long)gap + 1;
            successes++;
        }
    }
}
