namespace CommunityModel.Commissions.Paying;

/// <summary>A rate decomposed once into an integer mantissa and a power-of-ten divisor, so the hot path multiplies minor units in 64 bits.</summary>
internal readonly struct RateFactor
{
    private readonly ulong _mantissa;
    private readonly ulong _divisor;
    private readonly decimal _fraction;
    private readonly int _scale;

    internal RateFactor(Rate rate)
    {
        _fraction = rate.Fraction;
        var (mantissa, scale, negative) = MinorUnitArithmetic.Decompose(rate.Fraction);
        if (!negative && scale <= 19 && mantissa >> 64 == UInt128.Zero)
        {
            _mantissa = (ulong)mantissa;
            _divisor = (ulong)MinorUnitArithmetic.PowerOfTen(scale);
            _scale = scale;
        }
    }

    internal bool IsZero => _fraction == 0m;

    /// <summary><paramref name="minorUnits"/> (zero or more) times the rate, rounded once by <paramref name="rounding"/>; exactly what <see cref="Money.Multiply(Rate, RoundingMode)"/> gives.</summary>
    internal long Of(long minorUnits, RoundingMode rounding)
    {
        if (_divisor != 0)
        {
            var high = Math.BigMul((ulong)minorUnits, _mantissa, out var low);
            if (high == 0)
            {
                // Rounding down by a small power of ten (the default, and every percent or basis-point rate):
                // constant divisors let the JIT divide by multiplying. Anything else takes the core's rounding.
                return rounding == RoundingMode.Down && _scale <= 6
                    ? (long)(_scale switch
                    {
                        0 => low,
                        1 => low / 10,
                        2 => low / 100,
                        3 => low / 1_000,
                        4 => low / 10_000,
                        5 => low / 100_000,
                        _ => low / 1_000_000,
                    })
                    : (long)MinorUnitArithmetic.RoundQuotient(low, _divisor, rounding);
            }
        }

        return MinorUnitArithmetic.MultiplyRound(minorUnits, _fraction, rounding, Currency.None);
    }
}
