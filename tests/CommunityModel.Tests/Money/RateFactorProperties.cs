using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests;

public class RateFactorProperties
{
    [Property(MaxTest = 3000)]
    public Property A_rate_factor_gives_exactly_what_Money_Multiply_gives_for_any_amount_of_either_sign_rate_and_rounding() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).SelectMany(high => Gen.Choose(0, int.MaxValue).SelectMany(low => Gen.Elements(1L, -1L).Select(sign => sign * (((long)high << 32 | (uint)low) >> Math.Min(62, high % 64))))).ToArbitrary(),
            Gen.Choose(0, 1_000_000).SelectMany(n => Gen.Choose(0, 12).Select(k => Rate.FromFraction(Math.Min(1m, n / (decimal)Math.Pow(10, k))))).ToArbitrary(),
            Gen.Elements(RoundingMode.Down, RoundingMode.HalfUp, RoundingMode.HalfEven, RoundingMode.Up).ToArbitrary(),
            (fen, rate, rounding) => new RateFactor(rate).Of(fen, rounding) == Money.FromMinorUnits(fen, Currency.CNY).Multiply(rate, rounding).MinorUnits);
}
