using FsCheck;
using FsCheck.Fluent;

namespace CommunityModel.Tests.Generators;

/// <summary>FsCheck generators for amounts, weights and rates, shared by the property tests.</summary>
internal static class MoneyGenerators
{
    /// <summary>Any count of minor units, from a few fen to the extremes of <see cref="long"/>.</summary>
    public static Gen<long> MinorUnits { get; } = Gen.OneOf(
        Gen.Choose(-100_000, 100_000).Select(i => (long)i),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i * 1_000),
        Gen.Choose(int.MinValue, int.MaxValue).SelectMany(hi => Gen.Choose(int.MinValue, int.MaxValue).Select(lo => unchecked(((long)hi << 32) | (uint)lo))),
        Gen.Elements(long.MinValue, long.MaxValue, long.MinValue + 1, long.MaxValue - 1, 0L, 1L, -1L));

    /// <summary>Amounts whose products with small factors stay well inside the range of minor units.</summary>
    public static Gen<long> ModerateMinorUnits { get; } = Gen.OneOf(
        Gen.Choose(-100_000, 100_000).Select(i => (long)i),
        Gen.Choose(-1_000_000_000, 1_000_000_000).Select(i => (long)i * 1_000));

    /// <summary>One to twenty non-negative whole weights, at least one positive; zeros are common.</summary>
    public static Gen<long[]> Weights { get; } =
        Gen.Choose(1, 20).SelectMany(count =>
            Gen.OneOf(Gen.Constant(0L), Gen.Choose(1, 10).Select(i => (long)i), Gen.Choose(1, 5_000_000).Select(i => (long)i * 997))
                .ArrayOf(count))
            .Where(w => w.Any(x => x > 0));

    /// <summary>Decimal factors with up to six decimals, e.g. rates and quantities.</summary>
    public static Gen<decimal> Factors { get; } =
        Gen.Choose(-2_000_000, 2_000_000).SelectMany(mantissa => Gen.Choose(0, 6).Select(scale => new decimal(Math.Abs(mantissa), 0, 0, mantissa < 0, (byte)scale)));

    /// <summary>Any currency in the ISO table.</summary>
    public static Gen<Currency> Currencies { get; } = Gen.Elements(Currency.All.ToArray());

    /// <summary>Any rounding mode.</summary>
    public static Gen<RoundingMode> RoundingModes { get; } = Gen.Elements(Enum.GetValues<RoundingMode>());
}
