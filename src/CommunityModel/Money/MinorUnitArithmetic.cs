using System.Numerics;

namespace CommunityModel;

/// <summary>
/// Exact arithmetic on counts of minor units: a product or quotient with a decimal is computed
/// without intermediate rounding (128-bit integers, or big integers when those would overflow),
/// then rounded once, by the caller's <see cref="RoundingMode"/>.
/// </summary>
internal static class MinorUnitArithmetic
{
    private static readonly UInt128[] PowersOfTen = BuildPowersOfTen();

    /// <summary>Returns <paramref name="value"/> × <paramref name="factor"/>, rounded to a whole number of minor units.</summary>
    internal static long MultiplyRound(long value, decimal factor, RoundingMode mode, Currency currency)
    {
        var (mantissa, scale, factorNegative) = Decompose(factor);
        var negative = (value < 0) ^ factorNegative;
        var magnitude = Magnitude(value);
        if (mantissa == UInt128.Zero || magnitude == UInt128.Zero)
        {
            return 0;
        }

        // Most rates and quantities have small mantissas: try plain 64-bit arithmetic first.
        if (mantissa >> 64 == UInt128.Zero && scale <= 19)
        {
            var high = Math.BigMul((ulong)magnitude, (ulong)mantissa, out var low);
            if (high == 0)
            {
                return ToSignedMinorUnits(RoundQuotient(low, (ulong)PowersOfTen[scale], mode), negative, "multiply", currency);
            }
        }

        // |value| < 2^64 and mantissa < 2^64 keep the product below 2^128: no big integers needed.
        return mantissa >> 64 == UInt128.Zero
            ? ToSignedMinorUnits(RoundQuotient(magnitude * mantissa, PowersOfTen[scale], mode), negative, "multiply", currency)
            : ToSignedMinorUnits(RoundQuotient((BigInteger)magnitude * (BigInteger)mantissa, (BigInteger)PowersOfTen[scale], mode), negative, "multiply", currency);
    }

    /// <summary>Returns <paramref name="value"/> ÷ <paramref name="divisor"/>, rounded to a whole number of minor units.</summary>
    internal static long DivideRound(long value, decimal divisor, RoundingMode mode, Currency currency)
    {
        var (mantissa, scale, divisorNegative) = Decompose(divisor);
        if (mantissa == UInt128.Zero)
        {
            throw new DivideByZeroException($"Cannot divide an amount in {currency.Code} by zero.");
        }

        var negative = (value < 0) ^ divisorNegative;
        var magnitude = Magnitude(value);

        // value × 10^scale / mantissa; 10^19 < 2^64 keeps the numerator below 2^128.
        return scale <= 19
            ? ToSignedMinorUnits(RoundQuotient(magnitude * PowersOfTen[scale], mantissa, mode), negative, "divide", currency)
            : ToSignedMinorUnits(RoundQuotient((BigInteger)magnitude * (BigInteger)PowersOfTen[scale], (BigInteger)mantissa, mode), negative, "divide", currency);
    }

    /// <summary>Rounds the non-negative quotient <paramref name="numerator"/> / <paramref name="denominator"/> by <paramref name="mode"/>, treating it as a magnitude.</summary>
    internal static T RoundQuotient<T>(T numerator, T denominator, RoundingMode mode)
        where T : IBinaryInteger<T>
    {
        var (quotient, remainder) = T.DivRem(numerator, denominator);
        if (T.IsZero(remainder))
        {
            return quotient;
        }

        // remainder against what is left to the next whole: 2 × remainder could overflow T (a divisor of 10^19 > 2^63).
        var rest = denominator - remainder;
        var roundAway = mode switch
        {
            RoundingMode.HalfUp => remainder >= rest,
            RoundingMode.HalfEven => remainder > rest || (remainder == rest && T.IsOddInteger(quotient)),
            RoundingMode.Down => false,
            RoundingMode.Up => true,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown rounding mode."),
        };
        return roundAway ? quotient + T.One : quotient;
    }

    /// <summary>The magnitude of a count of minor units, exact also for <see cref="long.MinValue"/>.</summary>
    internal static UInt128 Magnitude(long value) => value < 0 ? (UInt128)(-(Int128)value) : (UInt128)value;

    /// <summary>Applies a sign to a 64-bit magnitude and checks that the result is a valid count of minor units.</summary>
    internal static long ToSignedMinorUnits(ulong magnitude, bool negative, string operation, Currency currency)
    {
        if (magnitude > (negative ? 1UL << 63 : long.MaxValue))
        {
            throw new AmountOverflowException(operation, currency);
        }

        return negative ? unchecked(-(long)magnitude) : (long)magnitude;
    }

    /// <summary>Applies a sign to a 128-bit magnitude and checks that the result is a valid count of minor units.</summary>
    internal static long ToSignedMinorUnits(UInt128 magnitude, bool negative, string operation, Currency currency) =>
        magnitude >> 64 == UInt128.Zero
            ? ToSignedMinorUnits((ulong)magnitude, negative, operation, currency)
            : throw new AmountOverflowException(operation, currency);

    /// <summary>Applies a sign to a magnitude and checks that the result is a valid count of minor units.</summary>
    internal static long ToSignedMinorUnits<T>(T magnitude, bool negative, string operation, Currency currency)
        where T : IBinaryInteger<T>
    {
        var limit = negative ? T.CreateChecked((UInt128)long.MaxValue + 1) : T.CreateChecked((UInt128)long.MaxValue);
        if (magnitude > limit)
        {
            throw new AmountOverflowException(operation, currency);
        }

        var asInt128 = Int128.CreateChecked(magnitude);
        return (long)(negative ? -asInt128 : asInt128);
    }

    /// <summary>Splits a decimal into its 96-bit mantissa, its scale (power of ten divisor) and its sign.</summary>
    internal static (UInt128 Mantissa, int Scale, bool Negative) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = unchecked(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
        return (mantissa, (bits[3] >> 16) & 0xFF, bits[3] < 0);
    }

    /// <summary>10 to the power <paramref name="exponent"/> (0 to 28).</summary>
    internal static UInt128 PowerOfTen(int exponent) => PowersOfTen[exponent];

    private static UInt128[] BuildPowersOfTen()
    {
        var powers = new UInt128[29];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
