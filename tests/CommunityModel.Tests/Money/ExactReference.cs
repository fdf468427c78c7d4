using System.Globalization;
using System.Numerics;

namespace CommunityModel.Tests;

/// <summary>
/// The money arithmetic done again in unbounded integers, independently of the library: a decimal is read from its
/// invariant text, products and shares are exact <see cref="BigInteger"/>s, and rounding follows each mode's
/// definition on the exact value. The properties compare every result of the library with these, value by value.
/// </summary>
internal static class ExactReference
{
    private static readonly BigInteger LongMin = long.MinValue;
    private static readonly BigInteger LongMax = long.MaxValue;

    /// <summary>A decimal as the exact fraction numerator / 10^scale, read from its text (so trailing zeros keep their scale).</summary>
    public static (BigInteger Numerator, int Scale) Fraction(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var scale = point < 0 ? 0 : text.Length - point - 1;
        return (BigInteger.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture), scale);
    }

    /// <summary>numerator / denominator (denominator positive) rounded to a whole number by <paramref name="mode"/>, on the exact value.</summary>
    public static BigInteger Round(BigInteger numerator, BigInteger denominator, RoundingMode mode)
    {
        var quotient = BigInteger.DivRem(BigInteger.Abs(numerator), denominator, out var remainder);
        var twice = 2 * remainder;
        var away = remainder.IsZero
            ? false
            : mode switch
            {
                RoundingMode.HalfUp => twice >= denominator,
                RoundingMode.HalfEven => twice > denominator || (twice == denominator && !quotient.IsEven),
                RoundingMode.Down => false,
                RoundingMode.Up => true,
                _ => throw new ArgumentOutOfRangeException(nameof(mode)),
            };
        var magnitude = away ? quotient + 1 : quotient;
        return numerator.Sign < 0 ? -magnitude : magnitude;
    }

    /// <summary>minorUnits × factor rounded once; null when the result does not fit a count of minor units.</summary>
    public static long? Multiply(long minorUnits, decimal factor, RoundingMode mode)
    {
        var (numerator, scale) = Fraction(factor);
        return Fit(Round(minorUnits * numerator, BigInteger.Pow(10, scale), mode));
    }

    /// <summary>minorUnits ÷ divisor rounded once; null when the result does not fit.</summary>
    public static long? Divide(long minorUnits, decimal divisor, RoundingMode mode)
    {
        var (numerator, scale) = Fraction(divisor);
        var product = minorUnits * BigInteger.Pow(10, scale);
        return Fit(Round(numerator.Sign < 0 ? -product : product, BigInteger.Abs(numerator), mode));
    }

    /// <summary>minorUnits × part ÷ whole rounded once; null when the result does not fit.</summary>
    public static long? Prorate(long minorUnits, long part, long whole, RoundingMode mode) =>
        Fit(Round((BigInteger)minorUnits * part, whole, mode));

    /// <summary>An amount in major units as minor units rounded once; null when it does not fit.</summary>
    public static long? ToMinorUnits(decimal amount, int minorDigits, RoundingMode mode)
    {
        var (numerator, scale) = Fraction(amount);
        return Fit(Round(numerator * BigInteger.Pow(10, minorDigits), BigInteger.Pow(10, scale), mode));
    }

    /// <summary>The largest-remainder allocation of <paramref name="total"/> over whole weights, by its definition.</summary>
    public static long[] Allocate(long total, IReadOnlyList<BigInteger> weights)
    {
        var magnitude = BigInteger.Abs(total);
        var sum = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        var floors = new BigInteger[weights.Count];
        var remainders = new BigInteger[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            floors[i] = BigInteger.DivRem(magnitude * weights[i], sum, out remainders[i]);
        }

        var leftover = (int)(magnitude - floors.Aggregate(BigInteger.Zero, (s, f) => s + f));
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(leftover))
        {
            floors[i] += 1;
        }

        return floors.Select(f => (long)(total < 0 ? -f : f)).ToArray();
    }

    /// <summary>The largest-remainder allocation over decimal weights: each weight brought to the largest scale as an exact integer.</summary>
    public static long[] Allocate(long total, IReadOnlyList<decimal> weights)
    {
        var fractions = weights.Select(Fraction).ToArray();
        var scale = fractions.Max(f => f.Scale);
        return Allocate(total, fractions.Select(f => f.Numerator * BigInteger.Pow(10, scale - f.Scale)).ToArray());
    }

    private static long? Fit(BigInteger value) => value < LongMin || value > LongMax ? null : (long)value;
}
