using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace CommunityModel.Tests.Generators;

/// <summary>
/// FsCheck generators that reach the wide paths of the money arithmetic: amounts near the limits of <see cref="long"/>,
/// decimals with up to 28 significant digits at every scale, weights of mixed scales, weights whose sum passes 2^64.
/// </summary>
internal static class BigNumberGenerators
{
    /// <summary>Counts of minor units of either sign: near zero, near ±2^k for every k, near both limits, and any 64-bit value.</summary>
    public static Gen<long> MinorUnits { get; } = Gen.OneOf(
        MoneyGenerators.MinorUnits,
        Gen.Choose(0, 62).SelectMany(k => Gen.Choose(-3, 3).SelectMany(d => Gen.Elements(1L, -1L).Select(sign => sign * ((1L << k) + d)))),
        Gen.Choose(0, 1000).Select(d => long.MaxValue - d),
        Gen.Choose(0, 1000).Select(d => long.MinValue + d));

    /// <summary>Decimals with 1 to 28 significant digits (mantissas up to 2^96 − 1), any scale from 0 to 28, either sign.</summary>
    public static Gen<decimal> LongPrecisionDecimals { get; } =
        Gen.Choose(1, 29).SelectMany(digits =>
            Gen.Choose(0, 9).ArrayOf(digits).SelectMany(d =>
                Gen.Choose(0, 28).SelectMany(scale =>
                    Gen.Elements(false, true).Select(negative => ToDecimal(d, scale, negative)))));

    /// <summary>Factors of every kind: the everyday ones (up to six decimals), percent-like rates, and long-precision decimals.</summary>
    public static Gen<decimal> Factors { get; } = Gen.OneOf(
        MoneyGenerators.Factors,
        Gen.Choose(-10_000, 10_000).Select(bp => bp / 10_000m),
        LongPrecisionDecimals,
        LongPrecisionDecimals);

    /// <summary>Rounding modes, each of them.</summary>
    public static Gen<RoundingMode> RoundingModes { get; } = MoneyGenerators.RoundingModes;

    /// <summary>
    /// Whole weights: few or many (past the 64 parts kept on the stack), small or near <see cref="long.MaxValue"/> so
    /// that products with the total and the weights' sum pass 2^64; zeros are common; at least one positive.
    /// </summary>
    public static Gen<long[]> Weights { get; } =
        Gen.OneOf(Gen.Choose(1, 8), Gen.Choose(1, 8), Gen.Choose(60, 90)).SelectMany(count =>
            Gen.OneOf(
                    Gen.Constant(0L),
                    Gen.Choose(1, 1000).Select(i => (long)i),
                    Gen.Choose(0, 1_000_000).Select(d => long.MaxValue - d),
                    Gen.Choose(1, int.MaxValue).Select(i => (long)i << 31))
                .ArrayOf(count))
            .Where(w => w.Any(x => x > 0));

    /// <summary>Non-negative decimal weights of mixed scales (0 to 28) and sizes, from one to a few, at least one positive.</summary>
    public static Gen<decimal[]> DecimalWeights { get; } =
        Gen.Choose(1, 6).SelectMany(count =>
            Gen.OneOf(
                    Gen.Constant(0m),
                    Gen.Choose(1, 100_000).SelectMany(m => Gen.Choose(0, 8).Select(scale => new decimal(m, 0, 0, false, (byte)scale))),
                    LongPrecisionDecimals.Select(Math.Abs))
                .ArrayOf(count))
            .Where(w => w.Any(x => x > 0));

    private static decimal ToDecimal(int[] digits, int scale, bool negative)
    {
        var mantissa = digits.Aggregate(BigInteger.Zero, (m, d) => (m * 10) + d);
        var max = (BigInteger.One << 96) - 1;
        if (mantissa > max)
        {
            mantissa = max - (mantissa % 1000);
        }

        var lo = unchecked((int)(uint)(mantissa & uint.MaxValue));
        var mid = unchecked((int)(uint)((mantissa >> 32) & uint.MaxValue));
        var hi = unchecked((int)(uint)((mantissa >> 64) & uint.MaxValue));
        return new decimal(lo, mid, hi, negative, (byte)scale);
    }
}
