namespace CommunityModel;

/// <summary>
/// A <see cref="Rate"/> compiled for applying it to many amounts: decomposed once into an integer mantissa and a
/// power-of-ten divisor, so each application multiplies minor units in 64 bits (and, for rounding down by a
/// percent or basis-point rate, divides by a constant). It gives exactly what <see cref="Money.Multiply(Rate, RoundingMode)"/>
/// gives, falling back to it for rates or amounts outside the fast form. Engines that pay millions of orders in minor
/// units (the commissions package's month-end run) keep one per rule. Immutable.
/// </summary>
public readonly struct RateFactor : IEquatable<RateFactor>
{
    private readonly ulong _mantissa;
    private readonly ulong _divisor;
    private readonly int _scale;

    /// <summary>Compiles a rate.</summary>
    /// <param name="rate">The rate.</param>
    public RateFactor(Rate rate)
    {
        Rate = rate;
        var (mantissa, scale, negative) = MinorUnitArithmetic.Decompose(rate.Fraction);
        if (!negative && scale <= 19 && mantissa >> 64 == UInt128.Zero)
        {
            _mantissa = (ulong)mantissa;
            _divisor = (ulong)MinorUnitArithmetic.PowerOfTen(scale);
            _scale = scale;
        }
    }

    /// <summary>The rate compiled.</summary>
    public Rate Rate { get; }

    /// <summary>Whether the rate is zero.</summary>
    public bool IsZero => Rate.Fraction == 0m;

    /// <summary><paramref name="minorUnits"/> times the rate, computed exactly and rounded once by <paramref name="rounding"/>: exactly what <see cref="Money.Multiply(Rate, RoundingMode)"/> gives.</summary>
    /// <param name="minorUnits">A count of minor units, of any sign.</param>
    /// <param name="rounding">How to round the exact product.</param>
    /// <returns>The rounded product, in minor units.</returns>
    /// <exception cref="AmountOverflowException">The product is out of range.</exception>
    public long Of(long minorUnits, RoundingMode rounding)
    {
        if (_divisor != 0 && minorUnits >= 0)
        {
            var high = Math.BigMul((ulong)minorUnits, _mantissa, out var low);
            if (high == 0)
            {
                // Rounding down by a small power of ten (the default, and every percent or basis-point rate):
                // constant divisors let the JIT divide by multiplying. Anything else takes the core's rounding.
                // A quotient of 2^63 or more (a whole rate above one) is an overflow, as in Money.Multiply.
                var quotient = rounding == RoundingMode.Down && _scale <= 6
                    ? _scale switch
                    {
                        0 => low,
                        1 => low / 10,
                        2 => low / 100,
                        3 => low / 1_000,
                        4 => low / 10_000,
                        5 => low / 100_000,
                        _ => low / 1_000_000,
                    }
                    : MinorUnitArithmetic.RoundQuotient(low, _divisor, rounding);
                return MinorUnitArithmetic.ToSignedMinorUnits(quotient, false, "multiply", Currency.None);
            }
        }

        return MinorUnitArithmetic.MultiplyRound(minorUnits, Rate.Fraction, rounding, Currency.None);
    }

    /// <inheritdoc/>
    public bool Equals(RateFactor other) => Rate == other.Rate;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RateFactor other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Rate.GetHashCode();

    /// <summary>Whether two factors compile the same rate.</summary>
    /// <param name="left">A factor.</param>
    /// <param name="right">Another factor.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RateFactor left, RateFactor right) => left.Equals(right);

    /// <summary>Whether two factors compile different rates.</summary>
    /// <param name="left">A factor.</param>
    /// <param name="right">Another factor.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RateFactor left, RateFactor right) => !left.Equals(right);

    /// <summary>Formats as the rate.</summary>
    /// <returns>The rate's text.</returns>
    public override string ToString() => Rate.ToString();
}
