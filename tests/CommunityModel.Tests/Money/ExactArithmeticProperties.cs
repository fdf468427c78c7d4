using System.Numerics;
using CommunityModel.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests;

/// <summary>
/// Every money operation against <see cref="ExactReference"/>, on inputs that reach the 128-bit and big-integer paths:
/// amounts near the limits of <see cref="long"/>, negative amounts with every rounding mode, decimals with up to
/// 28 significant digits, mixed-scale and huge weights. Each result is compared value by value, and an overflow must
/// be thrown exactly when the exact result does not fit.
/// </summary>
public class ExactArithmeticProperties
{
    private static Arbitrary<long> Amounts { get; } = BigNumberGenerators.MinorUnits.ToArbitrary();

    private static Arbitrary<decimal> Factors { get; } = BigNumberGenerators.Factors.ToArbitrary();

    private static Arbitrary<RoundingMode> Modes { get; } = BigNumberGenerators.RoundingModes.ToArbitrary();

    [Property(MaxTest = 4000)]
    public Property Multiply_is_the_exact_product_rounded_once_for_any_size_sign_precision_and_mode() =>
        Prop.ForAll(Amounts, Factors, Modes, (minor, factor, mode) =>
            Same(ExactReference.Multiply(minor, factor, mode), () => Money.FromMinorUnits(minor, Currency.CNY).Multiply(factor, mode).MinorUnits)
                .Label($"{minor} × {factor} ({mode})"));

    [Property(MaxTest = 3000)]
    public Property A_rate_factor_is_the_exact_product_rounded_once_for_any_rate() =>
        Prop.ForAll(Amounts, Factors, Modes, (minor, fraction, mode) =>
            Same(ExactReference.Multiply(minor, fraction, mode), () => new RateFactor(Rate.FromFraction(fraction)).Of(minor, mode))
                .Label($"{minor} × {fraction} ({mode})"));

    [Property(MaxTest = 3000)]
    public Property Divide_is_the_exact_quotient_rounded_once_for_any_size_sign_precision_and_mode() =>
        Prop.ForAll(Amounts, Factors.Filter(f => f != 0m), Modes, (minor, divisor, mode) =>
            Same(ExactReference.Divide(minor, divisor, mode), () => Money.FromMinorUnits(minor, Currency.CNY).Divide(divisor, mode).MinorUnits)
                .Label($"{minor} ÷ {divisor} ({mode})"));

    [Property(MaxTest = 2000)]
    public Property Prorate_is_the_exact_share_rounded_once_near_the_limits() =>
        Prop.ForAll(Amounts, Amounts.Generator.Two().Select(t => (t.Item1, t.Item2, 0)).ToArbitrary(), Modes, (minor, shares, mode) =>
        {
            var (a, b, _) = shares;
            var part = a == long.MinValue ? long.MaxValue : Math.Abs(a);
            var whole = b == long.MinValue || b == 0 ? 1 : Math.Abs(b);
            return Same(ExactReference.Prorate(minor, part, whole, mode), () => Money.FromMinorUnits(minor, Currency.CNY).Prorate(part, whole, mode).MinorUnits)
                .Label($"{minor} × {part} ÷ {whole} ({mode})");
        });

    [Property(MaxTest = 2000)]
    public Property An_amount_of_any_precision_becomes_minor_units_rounded_once_or_exactly() =>
        Prop.ForAll(BigNumberGenerators.LongPrecisionDecimals.ToArbitrary(), MoneyGenerators.Currencies.ToArbitrary(), Modes, (amount, currency, mode) =>
        {
            var expected = ExactReference.ToMinorUnits(amount, currency.MinorDigits, mode);
            var (numerator, scale) = ExactReference.Fraction(amount);
            var exact = (numerator * BigInteger.Pow(10, currency.MinorDigits) % BigInteger.Pow(10, scale)).IsZero;
            bool rounded = Same(expected, () => Money.Of(amount, currency, mode).MinorUnits);
            bool strict;
            try
            {
                var money = Money.Of(amount, currency);
                strict = exact && money.MinorUnits == expected && money.Amount == amount;
            }
            catch (AmountPrecisionException)
            {
                strict = !exact;
            }
            catch (AmountOverflowException)
            {
                strict = exact && expected is null;
            }

            return (rounded && strict).Label($"{amount} {currency.Code} ({mode})");
        });

    [Property(MaxTest = 3000)]
    public Property Allocation_by_whole_weights_is_the_largest_remainder_split_part_by_part() =>
        Prop.ForAll(Amounts, BigNumberGenerators.Weights.ToArbitrary(), (total, weights) =>
        {
            var parts = new long[weights.Length];
            LargestRemainder.Allocate(total, weights, parts);
            var expected = ExactReference.Allocate(total, weights.Select(w => (BigInteger)w).ToArray());
            return parts.SequenceEqual(expected)
                .Label($"{total} over [{string.Join(", ", weights)}]: [{string.Join(", ", parts)}], expected [{string.Join(", ", expected)}]");
        });

    [Property(MaxTest = 3000)]
    public Property Allocation_by_mixed_scale_decimal_weights_is_the_largest_remainder_split_part_by_part() =>
        Prop.ForAll(Amounts, BigNumberGenerators.DecimalWeights.ToArbitrary(), (total, weights) =>
        {
            var money = Money.FromMinorUnits(total, Currency.CNY).Allocate(weights).Select(m => m.MinorUnits);
            var expected = ExactReference.Allocate(total, weights);
            return money.SequenceEqual(expected)
                .Label($"{total} over [{string.Join(", ", weights)}]: expected [{string.Join(", ", expected)}]");
        });

    [Property(MaxTest = 1000)]
    public Property Allocation_by_amounts_is_allocation_by_their_minor_units() =>
        Prop.ForAll(Amounts, BigNumberGenerators.Weights.ToArbitrary(), MoneyGenerators.Currencies.ToArbitrary(), (total, weights, currency) =>
        {
            var parts = Money.FromMinorUnits(total, Currency.CNY).Allocate(weights.Select(w => Money.FromMinorUnits(w, currency)).ToArray());
            return parts.All(p => p.Currency == Currency.CNY)
                && parts.Select(p => p.MinorUnits).SequenceEqual(ExactReference.Allocate(total, weights.Select(w => (BigInteger)w).ToArray()));
        });

    [Property(MaxTest = 2000)]
    public Property A_split_is_the_largest_remainder_split_over_equal_weights() =>
        Prop.ForAll(Amounts, Gen.OneOf(Gen.Choose(1, 10), Gen.Choose(60, 200)).ToArbitrary(), (total, count) =>
            Money.FromMinorUnits(total, Currency.CNY).Split(count).Select(m => m.MinorUnits)
                .SequenceEqual(ExactReference.Allocate(total, Enumerable.Repeat(BigInteger.One, count).ToArray())));

    [Property(MaxTest = 2000)]
    public Property Adding_subtracting_and_negating_never_wrap_around() =>
        Prop.ForAll(Amounts, Amounts, (a, b) =>
        {
            var x = Money.FromMinorUnits(a, Currency.CNY);
            var y = Money.FromMinorUnits(b, Currency.CNY);
            return Same(Fit((BigInteger)a + b), () => (x + y).MinorUnits)
                && Same(Fit((BigInteger)a - b), () => (x - y).MinorUnits)
                && Same(Fit(-(BigInteger)a), () => (-x).MinorUnits)
                && Same(Fit(BigInteger.Abs(a)), () => x.Abs().MinorUnits)
                && Math.Sign(x.CompareTo(y)) == a.CompareTo(b)
                && Money.Min(x, y).MinorUnits == Math.Min(a, b)
                && Money.Max(x, y).MinorUnits == Math.Max(a, b);
        });

    private static long? Fit(BigInteger value) => value < long.MinValue || value > long.MaxValue ? null : (long)value;

    /// <summary>The library's result equals the exact one, or it throws an overflow exactly when the exact one does not fit.</summary>
    private static bool Same(long? expected, Func<long> actual)
    {
        try
        {
            return actual() == expected;
        }
        catch (AmountOverflowException)
        {
            return expected is null;
        }
    }
}
