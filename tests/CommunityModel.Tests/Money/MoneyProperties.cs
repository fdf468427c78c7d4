using System.Numerics;
using System.Text.Json;
using CommunityModel.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests;

public class MoneyProperties
{
    private static Arbitrary<Money> Amounts { get; } =
        MoneyGenerators.MinorUnits.SelectMany(m => MoneyGenerators.Currencies.Select(c => Money.FromMinorUnits(m, c))).ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Multiply_equals_the_exact_product_rounded_once() =>
        Prop.ForAll(MoneyGenerators.ModerateMinorUnits.ToArbitrary(), MoneyGenerators.Factors.ToArbitrary(), MoneyGenerators.RoundingModes.ToArbitrary(), (minor, factor, mode) =>
        {
            // For these sizes decimal arithmetic is exact, so it is an independent reference.
            var exact = minor * factor;
            var expected = mode switch
            {
                RoundingMode.HalfUp => decimal.Round(exact, 0, MidpointRounding.AwayFromZero),
                RoundingMode.HalfEven => decimal.Round(exact, 0, MidpointRounding.ToEven),
                RoundingMode.Down => decimal.Round(exact, 0, MidpointRounding.ToZero),
                _ => exact >= 0 ? decimal.Round(exact, 0, MidpointRounding.ToPositiveInfinity) : decimal.Round(exact, 0, MidpointRounding.ToNegativeInfinity),
            };
            var actual = Money.FromMinorUnits(minor, Currency.CNY).Multiply(factor, mode);
            return actual.MinorUnits == expected;
        });

    [Property(MaxTest = 2000)]
    public Property Divide_is_within_one_minor_unit_of_the_exact_quotient() =>
        Prop.ForAll(MoneyGenerators.ModerateMinorUnits.ToArbitrary(), MoneyGenerators.Factors.Where(f => Math.Abs(f) >= 0.01m).ToArbitrary(), MoneyGenerators.RoundingModes.ToArbitrary(), (minor, divisor, mode) =>
        {
            var (mantissa, scale) = ((BigInteger)(divisor * 1_000_000m), 6);
            var quotient = Money.FromMinorUnits(minor, Currency.CNY).Divide(divisor, mode).MinorUnits;

            // |quotient × divisor − minor| < |divisor|, in exact integers: divisor = mantissa / 10^6.
            var error = BigInteger.Abs((quotient * mantissa) - (minor * BigInteger.Pow(10, scale)));
            return error < BigInteger.Abs(mantissa);
        });

    [Property(MaxTest = 2000)]
    public Property Addition_commutes_and_subtraction_undoes_it() =>
        Prop.ForAll(MoneyGenerators.ModerateMinorUnits.ToArbitrary(), MoneyGenerators.ModerateMinorUnits.ToArbitrary(), (a, b) =>
        {
            var x = Money.FromMinorUnits(a, Currency.CNY);
            var y = Money.FromMinorUnits(b, Currency.CNY);
            return x + y == y + x && (x + y) - y == x && -(-x) == x;
        });

    [Property(MaxTest = 2000)]
    public Property Adding_never_wraps_around() =>
        Prop.ForAll(MoneyGenerators.MinorUnits.ToArbitrary(), MoneyGenerators.MinorUnits.ToArbitrary(), (a, b) =>
        {
            var exact = (BigInteger)a + b;
            try
            {
                return (Money.FromMinorUnits(a, Currency.CNY) + Money.FromMinorUnits(b, Currency.CNY)).MinorUnits == exact;
            }
            catch (AmountOverflowException)
            {
                return exact > long.MaxValue || exact < long.MinValue;
            }
        });

    [Property(MaxTest = 2000)]
    public Property Round_trip_and_ISO_text_parse_back_to_the_same_amount() =>
        Prop.ForAll(Amounts, money =>
            Money.Parse(money.ToString("R", null)) == money
            && Money.Parse(money.ToString("I", null)) == money
            && Money.Parse(money.ToString(), money.Currency) == money);

    [Property(MaxTest = 2000)]
    public Property Json_round_trips_every_amount() =>
        Prop.ForAll(Amounts, money => JsonSerializer.Deserialize<Money>(JsonSerializer.Serialize(money)) == money);

    [Property(MaxTest = 2000)]
    public Property Amount_and_minor_units_describe_the_same_value() =>
        Prop.ForAll(Amounts, money =>
            money.Amount.Scale == money.Currency.MinorDigits
            && Money.Of(money.Amount, money.Currency) == money);
}
