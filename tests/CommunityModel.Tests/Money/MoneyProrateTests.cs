using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests;

public class MoneyProrateTests
{
    [Fact]
    public void An_orders_share_of_a_period_pay_is_base_times_pay_over_volume_rounded_once()
    {
        // ¥3,000 of a ¥15,000 period volume that earned ¥550: ¥110.00 exactly; ¥1,000 of it: ¥36.666… → ¥36.66 down, ¥36.67 half-up.
        Assert.Equal(Money.Cny(110m), Money.Cny(3_000m).Prorate(55_000, 1_500_000, RoundingMode.Down));
        Assert.Equal(Money.Cny(36.66m), Money.Cny(1_000m).Prorate(55_000, 1_500_000, RoundingMode.Down));
        Assert.Equal(Money.Cny(36.67m), Money.Cny(1_000m).Prorate(55_000, 1_500_000, RoundingMode.HalfUp));
        Assert.Equal(Money.Cny(-36.67m), Money.Cny(-1_000m).Prorate(55_000, 1_500_000, RoundingMode.HalfUp));
    }

    [Fact]
    public void A_product_beyond_64_bits_is_still_exact_and_a_bad_part_or_whole_is_refused()
    {
        Assert.Equal(long.MaxValue / 3, Money.FromMinorUnits(long.MaxValue, Currency.CNY).Prorate(long.MaxValue / 3, long.MaxValue, RoundingMode.Down).MinorUnits);
        Assert.Equal("part", Assert.Throws<ArgumentOutOfRangeException>(() => Money.Cny(1m).Prorate(-1, 2, RoundingMode.Down)).ParamName);
        Assert.Equal("whole", Assert.Throws<ArgumentOutOfRangeException>(() => Money.Cny(1m).Prorate(1, 0, RoundingMode.Down)).ParamName);
        Assert.Throws<AmountOverflowException>(() => Money.FromMinorUnits(long.MaxValue, Currency.CNY).Prorate(2, 1, RoundingMode.Down));
    }

    [Property(MaxTest = 1000)]
    public Property Prorate_is_the_exact_quotient_rounded_once_for_any_sign_and_size() =>
        Prop.ForAll(
            Gen.Choose(int.MinValue, int.MaxValue).Select(v => (long)v * 4_099).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Choose(1, int.MaxValue).ToArbitrary(),
            (amount, part, whole) =>
            {
                var exact = (BigInteger)amount * part;
                var down = BigInteger.DivRem(BigInteger.Abs(exact), whole);
                var expected = (long)(exact.Sign < 0 ? -down.Quotient : down.Quotient);
                return Money.FromMinorUnits(amount, Currency.CNY).Prorate(part, whole, RoundingMode.Down).MinorUnits == expected;
            });
}
