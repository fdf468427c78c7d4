namespace CommunityModel.Tests;

/// <summary>Worked examples on the wide paths of the money arithmetic: products past 2^64, 28-digit rates, mixed-scale and huge weights.</summary>
public class BigNumberTests
{
    [Theory]
    [InlineData(RoundingMode.HalfUp, -333_333_336L)]
    [InlineData(RoundingMode.HalfEven, -333_333_336L)]
    [InlineData(RoundingMode.Down, -333_333_335L)]
    [InlineData(RoundingMode.Up, -333_333_336L)]
    public void A_negative_amount_times_a_28_digit_rate_keeps_its_sign(RoundingMode mode, long expected)
    {
        // −1,000,000,007 fen × 0.3333333333333333333333333333 = −333,333,335.666…: the rate's mantissa needs 92 bits.
        var amount = Money.FromMinorUnits(-1_000_000_007, Currency.CNY);

        Assert.Equal(expected, amount.Multiply(0.3333333333333333333333333333m, mode).MinorUnits);
        Assert.Equal(-expected, (-amount).Multiply(0.3333333333333333333333333333m, mode).MinorUnits);
        Assert.Equal(expected, new RateFactor(Rate.FromFraction(0.3333333333333333333333333333m)).Of(-1_000_000_007, mode));
    }

    [Fact]
    public void The_most_negative_amount_times_a_negative_28_digit_rate_is_positive_and_exact()
    {
        // (2^63 − 1) × 0.1234567890123456789012345678 = 1,138,687,895,536,349,070.000738…
        var amount = Money.FromMinorUnits(long.MinValue + 1, Currency.CNY);

        Assert.Equal(1_138_687_895_536_349_070L, amount.Multiply(-0.1234567890123456789012345678m, RoundingMode.HalfUp).MinorUnits);
        Assert.Equal(1_138_687_895_536_349_071L, amount.Multiply(-0.1234567890123456789012345678m, RoundingMode.Up).MinorUnits);
    }

    [Fact]
    public void A_product_of_2_to_the_64_or_more_is_kept_whole_before_it_is_divided()
    {
        // 9e18 fen × 75 = 6.75e20 ≥ 2^64 before the division by 100: the low 64 bits alone would be wrong.
        var amount = Money.FromMinorUnits(9_000_000_000_000_000_000, Currency.CNY);

        Assert.Equal(6_750_000_000_000_000_000L, amount.Multiply(0.75m).MinorUnits);
        Assert.Equal(-6_750_000_000_000_000_000L, (-amount).Multiply(0.75m).MinorUnits);
        Assert.Equal(6_750_000_000_000_000_000L, new RateFactor(Rate.FromPercent(75)).Of(9_000_000_000_000_000_000, RoundingMode.Down));
        Assert.Equal(4_500_000_000_000_000_000L, amount.Prorate(1_000_000_000_000_000_000, 2_000_000_000_000_000_000, RoundingMode.Down).MinorUnits);
        Assert.Throws<AmountOverflowException>(() => amount.Multiply(1.5m));
    }

    [Fact]
    public void A_whole_rate_that_takes_an_amount_past_the_limit_is_an_overflow_on_every_path()
    {
        // 2 × 5e18 = 1e19 fits 64 unsigned bits but not a count of minor units: an overflow, never a wrapped number.
        var doubling = new RateFactor(Rate.FromFraction(2m));

        Assert.Equal(8_000_000_000_000_000_000L, doubling.Of(4_000_000_000_000_000_000, RoundingMode.Down));
        foreach (var mode in Enum.GetValues<RoundingMode>())
        {
            Assert.Throws<AmountOverflowException>(() => doubling.Of(5_000_000_000_000_000_000, mode));
            Assert.Throws<AmountOverflowException>(() => Money.FromMinorUnits(5_000_000_000_000_000_000, Currency.CNY).Multiply(2m, mode));
        }
    }

    [Theory]
    [InlineData(RoundingMode.HalfUp, -7_000L)]
    [InlineData(RoundingMode.Down, -6_999L)]
    public void A_divisor_with_more_than_19_decimals_divides_exactly(RoundingMode mode, long expected)
    {
        // −7,000,000 ÷ 1000.00000000000000000001 = −6,999.99999999999999999993.
        Assert.Equal(expected, Money.FromMinorUnits(-7_000_000, Currency.CNY).Divide(1000.00000000000000000001m, mode).MinorUnits);
    }

    [Fact]
    public void Mixed_scale_decimal_weights_are_brought_to_one_scale_by_multiplying()
    {
        // 1.5 : 2 is 15 : 20 — ¥1.00 splits 42.857… : 57.142… fen.
        Assert.Equal([43L, 57L], Money.Cny(1m).Allocate([1.5m, 2m]).Select(m => m.MinorUnits));

        // 1.0000000000000000000000000001 : 1 needs 28 decimals on both sides: 101 fen splits 50.5000…01 : 50.4999…99.
        Assert.Equal([51L, 50L], Money.FromMinorUnits(101, Currency.CNY).Allocate([1.0000000000000000000000000001m, 1m]).Select(m => m.MinorUnits));
        Assert.Equal([50L, 51L], Money.FromMinorUnits(101, Currency.CNY).Allocate([1m, 1.0000000000000000000000000001m]).Select(m => m.MinorUnits));
    }

    [Fact]
    public void Weights_summing_to_2_to_the_64_allocate_exactly()
    {
        // (2^63 − 1) + (2^63 − 1) + 2 = 2^64: the first two shares are 500.4999…, the third 1.08e−16; one unit is left over.
        var parts = new long[3];
        LargestRemainder.Allocate(1001, [long.MaxValue, long.MaxValue, 2], parts);
        Assert.Equal([501L, 500L, 0L], parts);

        LargestRemainder.Allocate(-1001, [long.MaxValue, long.MaxValue, 2], parts);
        Assert.Equal([-501L, -500L, 0L], parts);
    }

    [Fact]
    public void An_unknown_rounding_mode_is_refused_when_rounding_is_needed()
    {
        var amount = Money.FromMinorUnits(101, Currency.CNY);

        Assert.Throws<ArgumentOutOfRangeException>(() => amount.Multiply(0.5m, (RoundingMode)99));
        Assert.Equal(50L, amount.Multiply(0.5m, RoundingMode.Down).MinorUnits);
    }

    [Fact]
    public void The_limits_of_long_are_reached_exactly_on_every_path()
    {
        var min = Money.FromMinorUnits(long.MinValue, Currency.CNY);
        var max = Money.FromMinorUnits(long.MaxValue, Currency.CNY);

        // × 1 in 64 bits, × 1.0 in 128 bits, × 1 with 25 decimals (a 84-bit mantissa) in big integers.
        foreach (var one in new[] { 1m, 1.0m, 1.0000000000000000000000000m })
        {
            Assert.Equal(long.MinValue, min.Multiply(one).MinorUnits);
            Assert.Equal(long.MaxValue, max.Multiply(one).MinorUnits);
            Assert.Equal(long.MinValue, min.Divide(one).MinorUnits);
            Assert.Equal(long.MaxValue, max.Divide(one).MinorUnits);
            Assert.Throws<AmountOverflowException>(() => min.Multiply(-one));
            Assert.Equal(-long.MaxValue, max.Multiply(-one).MinorUnits);
        }

        Assert.Equal(long.MinValue, min.Prorate(7, 7, RoundingMode.Down).MinorUnits);
        Assert.Equal([long.MinValue], min.Split(1).Select(m => m.MinorUnits));
        Assert.Equal([long.MinValue], min.Allocate([3L]).Select(m => m.MinorUnits));
        Assert.Equal([long.MinValue, 0L], min.Allocate([1.0000000000000000000000000001m, 0m]).Select(m => m.MinorUnits));
        Assert.Equal(long.MinValue, new RateFactor(Rate.FromFraction(1.0000000000000000000000000m)).Of(long.MinValue, RoundingMode.HalfUp));
        Assert.Equal(long.MaxValue, new RateFactor(Rate.One).Of(long.MaxValue, RoundingMode.Down));
    }

    [Fact]
    public void Zero_times_anything_and_anything_times_zero_is_zero_on_every_path()
    {
        foreach (var mode in Enum.GetValues<RoundingMode>())
        {
            Assert.Equal(0L, Money.FromMinorUnits(0, Currency.CNY).Multiply(-0.3333333333333333333333333333m, mode).MinorUnits);
            Assert.Equal(0L, Money.FromMinorUnits(long.MinValue, Currency.CNY).Multiply(0.0000000000000000000000000000m, mode).MinorUnits);
            Assert.Equal(0L, Money.FromMinorUnits(0, Currency.CNY).Divide(-0.0000000000000000000000000001m, mode).MinorUnits);
            Assert.Equal([0L, 0L], Money.FromMinorUnits(0, Currency.CNY).Allocate([long.MaxValue, 1L]).Select(m => m.MinorUnits));
        }
    }

    [Fact]
    public void Exactly_64_and_65_parts_allocate_alike_on_the_stack_and_from_the_pool()
    {
        foreach (var count in new[] { 64, 65 })
        {
            var weights = Enumerable.Range(1, count).Select(i => (long)i).ToArray();
            var parts = new long[count];
            var wide = new long[count];

            LargestRemainder.Allocate(1_000_003, weights, parts);
            LargestRemainder.Allocate(1_000_003, weights.Select(w => w * (long.MaxValue / 200)).ToArray(), wide);

            // Weight i gets 1,000,003 × i / (count × (count + 1) / 2); the leftover units go to the largest remainders.
            Assert.Equal(1_000_003, parts.Sum());
            Assert.Equal(parts, wide);
            Assert.All(parts.Select((p, i) => (p, i)), x => Assert.InRange(x.p * (count * (count + 1) / 2.0) - (1_000_003.0 * (x.i + 1)), -(count * (count + 1) / 2.0), count * (count + 1) / 2.0));
        }
    }

    [Fact]
    public void The_span_core_names_what_was_wrong()
    {
        Assert.Contains("no weights", Assert.Throws<InvalidAllocationException>(() => LargestRemainder.Allocate(100, ReadOnlySpan<long>.Empty, Span<long>.Empty)).Message, StringComparison.Ordinal);
        Assert.Contains("Weight 1 is -1", Assert.Throws<InvalidAllocationException>(() => LargestRemainder.Allocate(100, [5L, -1L], new long[2])).Message, StringComparison.Ordinal);
        Assert.Contains("All 3 weight(s) are zero", Assert.Throws<InvalidAllocationException>(() => LargestRemainder.Allocate(100, [0L, 0L, 0L], new long[3])).Message, StringComparison.Ordinal);
        var mismatch = Assert.Throws<ArgumentException>(() => LargestRemainder.Allocate(100, [1L, 2L], new long[3]));
        Assert.Equal(("parts", true), (mismatch.ParamName, mismatch.Message.Contains("3 part(s) but there are 2 weight(s)", StringComparison.Ordinal)));
        Assert.Contains("zero parts", Assert.Throws<InvalidAllocationException>(() => LargestRemainder.Split(100, Span<long>.Empty)).Message, StringComparison.Ordinal);
        Assert.Contains("by zero", Assert.Throws<DivideByZeroException>(() => Money.Cny(1m).Divide(0.000m)).Message, StringComparison.Ordinal);
        Assert.Contains("multiply", Assert.Throws<AmountOverflowException>(() => Money.FromMinorUnits(long.MaxValue, Currency.CNY).Multiply(2m)).Message, StringComparison.Ordinal);
        Assert.Contains("divide", Assert.Throws<AmountOverflowException>(() => Money.FromMinorUnits(long.MaxValue, Currency.CNY).Divide(0.5m)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RoundingMode.HalfUp, 1L)]
    [InlineData(RoundingMode.HalfEven, 1L)]
    [InlineData(RoundingMode.Down, 0L)]
    [InlineData(RoundingMode.Up, 1L)]
    public void A_rate_of_19_decimals_rounds_a_remainder_above_2_to_the_63(RoundingMode mode, long expected)
    {
        // 1 fen × 0.9999999999999999999: the product fits 64 bits, its remainder of 10^19 − 1 is above 2^63.
        Assert.Equal(expected, Money.FromMinorUnits(1, Currency.CNY).Multiply(0.9999999999999999999m, mode).MinorUnits);
        Assert.Equal(expected, new RateFactor(Rate.FromFraction(0.9999999999999999999m)).Of(1, mode));
        Assert.Equal(-expected, Money.FromMinorUnits(-1, Currency.CNY).Multiply(0.9999999999999999999m, mode).MinorUnits);
    }

    [Theory]
    [InlineData(5_000_000_000_000_000_001L, RoundingMode.HalfEven, 1L)] // just above half
    [InlineData(5_000_000_000_000_000_000L, RoundingMode.HalfEven, 0L)] // exactly half, to even
    [InlineData(5_000_000_000_000_000_000L, RoundingMode.HalfUp, 1L)]   // exactly half, up
    [InlineData(4_999_999_999_999_999_999L, RoundingMode.HalfUp, 0L)]   // just below half
    public void Halves_of_a_19_decimal_rate_round_by_the_mode(long mantissa, RoundingMode mode, long expected)
    {
        var rate = new decimal(unchecked((int)(uint)(mantissa & 0xFFFFFFFF)), (int)(mantissa >> 32), 0, false, 19);

        Assert.Equal(expected, Money.FromMinorUnits(1, Currency.CNY).Multiply(rate, mode).MinorUnits);
        Assert.Equal(expected, new RateFactor(Rate.FromFraction(rate)).Of(1, mode));
    }

    [Fact]
    public void A_factor_whose_mantissa_is_a_multiple_of_2_to_the_64_is_not_mistaken_for_a_small_one()
    {
        // 1.8446744073709551616 has the mantissa 2^64 (low 64 bits all zero) at scale 19: 3 fen × it = 5.534… fen.
        var factor = 1.8446744073709551616m;

        Assert.Equal(6L, Money.FromMinorUnits(3, Currency.CNY).Multiply(factor).MinorUnits);
        Assert.Equal(-6L, Money.FromMinorUnits(-3, Currency.CNY).Multiply(factor).MinorUnits);
        Assert.Equal(6L, new RateFactor(Rate.FromFraction(factor)).Of(3, RoundingMode.HalfUp));

        // The mantissa 2^95 (3.9614081257132168796771975168): the product of the largest amount needs big integers,
        // and its overflow is the typed one.
        var overflow = Assert.Throws<AmountOverflowException>(() => Money.FromMinorUnits(long.MaxValue, Currency.CNY).Multiply(3.9614081257132168796771975168m));
        Assert.Contains("multiply", overflow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_overflow_names_its_operation_on_every_path()
    {
        var max = Money.FromMinorUnits(long.MaxValue, Currency.CNY);

        Assert.Contains("multiply", Assert.Throws<AmountOverflowException>(() => max.Multiply(1.5m)).Message, StringComparison.Ordinal);                            // 128 bits
        Assert.Contains("multiply", Assert.Throws<AmountOverflowException>(() => max.Multiply(2.0000000000000000000000000m)).Message, StringComparison.Ordinal);    // big integers
        Assert.Contains("divide", Assert.Throws<AmountOverflowException>(() => max.Divide(0.10000000000000000000m)).Message, StringComparison.Ordinal);            // scale 20
        Assert.Contains("multiply", Assert.Throws<AmountOverflowException>(() => new RateFactor(Rate.FromFraction(2m)).Of(long.MaxValue / 2 + 1, RoundingMode.Down)).Message, StringComparison.Ordinal);
        Assert.Contains("Cannot divide an amount in CNY by zero", Assert.Throws<DivideByZeroException>(() => Money.Cny(1m).Divide(0m)).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown rounding mode", Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMinorUnits(101, Currency.CNY).Multiply(0.5m, (RoundingMode)99)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_total_clears_parts_that_held_other_values()
    {
        Span<long> parts = [7, -7, 7];

        LargestRemainder.Allocate(0, [1L, 2L, 3L], parts);

        Assert.Equal([0L, 0L, 0L], parts.ToArray());
    }
}
