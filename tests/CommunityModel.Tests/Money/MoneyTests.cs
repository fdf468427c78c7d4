using System.Globalization;

namespace CommunityModel.Tests;

public class MoneyTests
{
    [Fact]
    public void An_amount_keeps_the_currencys_decimals_and_minor_units()
    {
        var vip = Money.Cny(3600m);

        Assert.Equal(360_000, vip.MinorUnits);
        Assert.Equal(3600.00m, vip.Amount);
        Assert.Equal("3600.00", vip.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Currency.CNY, vip.Currency);
        Assert.True(vip.IsPositive);
        Assert.Equal(1, vip.Sign);
    }

    [Fact]
    public void An_amount_with_more_decimals_than_the_minor_unit_is_a_precision_error()
    {
        var error = Assert.Throws<AmountPrecisionException>(() => Money.Cny(3600.005m));

        Assert.Equal(3600.005m, error.Amount);
        Assert.Equal(Currency.CNY, error.Currency);
        Assert.Equal(ErrorCodes.AmountPrecision, error.ErrorCode);
        Assert.Contains("3600.005", error.Message, StringComparison.Ordinal);
        Assert.Throws<AmountPrecisionException>(() => Money.Jpy(0.5m));
    }

    [Fact]
    public void Trailing_zeros_beyond_the_minor_unit_are_not_extra_precision()
    {
        Assert.Equal(Money.Cny(3600m), Money.Cny(3600.0000m));
        Assert.Equal(Money.Jpy(3600m), Money.Of(3600.00m, Currency.JPY));
    }

    [Theory]
    [InlineData("2.345", RoundingMode.HalfUp, "2.35")]
    [InlineData("2.345", RoundingMode.HalfEven, "2.34")]
    [InlineData("2.355", RoundingMode.HalfEven, "2.36")]
    [InlineData("2.345", RoundingMode.Down, "2.34")]
    [InlineData("2.341", RoundingMode.Up, "2.35")]
    [InlineData("-2.345", RoundingMode.HalfUp, "-2.35")]
    [InlineData("-2.345", RoundingMode.HalfEven, "-2.34")]
    [InlineData("-2.349", RoundingMode.Down, "-2.34")]
    [InlineData("-2.341", RoundingMode.Up, "-2.35")]
    [InlineData("2.3449999", RoundingMode.HalfUp, "2.34")]
    public void Of_with_a_rounding_mode_rounds_to_the_fen_symmetrically(string amount, RoundingMode mode, string expected)
    {
        var money = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.CNY, mode);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), money.Amount);
    }

    [Fact]
    public void Addition_and_subtraction_are_exact()
    {
        Assert.Equal(Money.Cny(0.30m), Money.Cny(0.10m) + Money.Cny(0.20m));
        Assert.Equal(Money.Cny(-116_400m), Money.Cny(3600m) - Money.Cny(120_000m));
        Assert.Equal(Money.Cny(-5m), -Money.Cny(5m));
        Assert.Equal(Money.Cny(5m), Money.Cny(-5m).Abs());
        Assert.Equal(Money.Cny(12m), Money.Sum([Money.Cny(3m), Money.Cny(4m), Money.Cny(5m)], Currency.CNY));
        Assert.Equal(Money.Zero(Currency.USD), Money.Sum([], Currency.USD));
    }

    [Fact]
    public void Mixing_currencies_is_a_typed_error_that_names_both()
    {
        var cny = Money.Cny(1m);
        var usd = Money.Usd(1m);

        var error = Assert.Throws<CurrencyMismatchException>(() => cny + usd);
        Assert.Equal(Currency.CNY, error.Left);
        Assert.Equal(Currency.USD, error.Right);
        Assert.Equal(ErrorCodes.CurrencyMismatch, error.ErrorCode);
        Assert.Contains("CNY", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);

        Assert.Throws<CurrencyMismatchException>(() => cny - usd);
        Assert.Throws<CurrencyMismatchException>(() => cny < usd);
        Assert.Throws<CurrencyMismatchException>(() => Money.Max(cny, usd));
        Assert.Throws<CurrencyMismatchException>(() => Money.Sum([cny, usd], Currency.CNY));
        Assert.NotEqual(Money.Zero(Currency.CNY), Money.Zero(Currency.USD));
    }

    [Fact]
    public void Overflow_throws_and_never_wraps()
    {
        var max = Money.FromMinorUnits(long.MaxValue, Currency.CNY);
        var min = Money.FromMinorUnits(long.MinValue, Currency.CNY);
        var fen = Money.FromMinorUnits(1, Currency.CNY);

        Assert.Equal(ErrorCodes.AmountOverflow, Assert.Throws<AmountOverflowException>(() => max + fen).ErrorCode);
        Assert.Throws<AmountOverflowException>(() => min - fen);
        Assert.Throws<AmountOverflowException>(() => -min);
        Assert.Throws<AmountOverflowException>(() => min.Abs());
        Assert.Throws<AmountOverflowException>(() => max * 2m);
        Assert.Throws<AmountOverflowException>(() => max / 0.5m);
        Assert.Throws<AmountOverflowException>(() => Money.Cny(1_000_000_000_000_000_000_000m));
        Assert.Equal(min, max.Negate() - fen);
        Assert.Equal(Money.FromMinorUnits(long.MinValue, Currency.CNY), min * 1m);
    }

    [Theory]
    [InlineData("3600", "0.15", RoundingMode.HalfUp, "540.00")]
    [InlineData("0.01", "0.5", RoundingMode.HalfUp, "0.01")]
    [InlineData("0.01", "0.5", RoundingMode.HalfEven, "0.00")]
    [InlineData("0.03", "0.5", RoundingMode.HalfEven, "0.02")]
    [InlineData("99.99", "0.333", RoundingMode.Down, "33.29")]
    [InlineData("99.99", "0.333", RoundingMode.Up, "33.30")]
    [InlineData("-99.99", "0.333", RoundingMode.HalfUp, "-33.30")]
    [InlineData("120000", "-0.1", RoundingMode.HalfUp, "-12000.00")]
    [InlineData("1.00", "0.0000000000000000000000000001", RoundingMode.Up, "0.01")]
    [InlineData("92233720368547758.07", "0.9999999999999999999999999999", RoundingMode.HalfUp, "92233720368547758.07")]
    public void Multiply_is_exact_and_rounds_once(string amount, string factor, RoundingMode mode, string expected)
    {
        var money = Money.Cny(decimal.Parse(amount, CultureInfo.InvariantCulture));

        var product = money.Multiply(decimal.Parse(factor, CultureInfo.InvariantCulture), mode);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), product.Amount);
    }

    [Fact]
    public void A_rate_applies_like_its_fraction()
    {
        var vip = Money.Cny(3600m);

        Assert.Equal(Money.Cny(540m), vip * Rate.FromPercent(15m));
        Assert.Equal(Money.Cny(0.33m), Money.Cny(1m).Multiply(Rate.FromFraction(1m / 3m), RoundingMode.Down));
        Assert.Equal(Money.Cny(1800m), 0.5m * vip);
    }

    [Fact]
    public void Divide_rounds_once_and_rejects_zero()
    {
        Assert.Equal(Money.Cny(33.33m), Money.Cny(100m) / 3m);
        Assert.Equal(Money.Cny(33.34m), Money.Cny(100m).Divide(3m, RoundingMode.Up));
        Assert.Equal(Money.Cny(300m), Money.Cny(3600m).Divide(12m));
        Assert.Equal(Money.Cny(-200m), Money.Cny(100m).Divide(-0.5m));
        Assert.Equal(Money.Cny(0.02m), Money.Cny(0.01m).Divide(0.5000000000000000000000000000m));
        Assert.Throws<DivideByZeroException>(() => Money.Cny(1m) / 0m);
    }

    [Fact]
    public void Comparison_orders_amounts_of_one_currency()
    {
        var small = Money.Cny(399m);
        var large = Money.Cny(3600m);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Money.Cny(399m) && small >= Money.Cny(399m));
        Assert.Equal(small, Money.Min(small, large));
        Assert.Equal(large, Money.Max(small, large));
        Assert.Equal(-1, Math.Sign(((IComparable)small).CompareTo(large)));
        Assert.True(((IComparable)small).CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => ((IComparable)small).CompareTo(399m));
        Assert.False(small.Equals((object)399m));
        Assert.Equal(Money.Cny(399m).GetHashCode(), small.GetHashCode());
    }

    [Fact]
    public void Default_money_is_zero_in_no_currency()
    {
        Money none = default;

        Assert.True(none.IsZero);
        Assert.Equal(Currency.None, none.Currency);
        Assert.Throws<CurrencyMismatchException>(() => none + Money.Cny(1m));
    }

    [Fact]
    public void Formats_with_symbol_code_or_plain_number()
    {
        Assert.Equal("¥3,600.00", Money.Cny(3600m).ToString());
        Assert.Equal("-¥12.50", Money.Cny(-12.5m).ToString());
        Assert.Equal("CNY 120,000.00", Money.Cny(120_000m).ToString("I", null));
        Assert.Equal("120000.00 CNY", Money.Cny(120_000m).ToString("R", null));
        Assert.Equal("3,600.00", Money.Cny(3600m).ToString("N", null));
        Assert.Equal("3600.00", Money.Cny(3600m).ToString("F", null));
        Assert.Equal("¥3,600", Money.Jpy(3600m).ToString());
        Assert.Equal("$0.05", $"{Money.Usd(0.05m)}");
        Assert.Throws<FormatException>(() => Money.Cny(1m).ToString("X", null));
    }

    [Theory]
    [InlineData("3600.00 CNY", 360_000, "CNY")]
    [InlineData("CNY 3,600.00", 360_000, "CNY")]
    [InlineData("  cny3600  ", 360_000, "CNY")]
    [InlineData("-12.5USD", -1_250, "USD")]
    [InlineData("JPY 3,600", 3_600, "JPY")]
    [InlineData("0.001 KWD", 1, "KWD")]
    public void Parse_reads_amounts_with_their_ISO_code(string text, long minorUnits, string code)
    {
        var money = Money.Parse(text);

        Assert.Equal(Money.FromMinorUnits(minorUnits, Currency.FromCode(code)), money);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CNY")]
    [InlineData("3600")]
    [InlineData("3600 RMB")]
    [InlineData("CNY abc")]
    [InlineData("3600.005 CNY")]
    [InlineData("JPY 1.5")]
    public void Parse_rejects_text_that_is_not_an_exact_amount_with_a_known_code(string text)
    {
        Assert.False(Money.TryParse(text, null, out _));
        var error = Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_in_a_known_currency_accepts_its_symbol_or_code()
    {
        Assert.Equal(Money.Cny(3600m), Money.Parse("¥3,600.00", Currency.CNY));
        Assert.Equal(Money.Cny(3600m), Money.Parse("3600", Currency.CNY));
        Assert.Equal(Money.Cny(3600m), Money.Parse("CNY 3600", Currency.CNY));
        Assert.Contains("USD", Assert.Throws<FormatException>(() => Money.Parse("USD 5", Currency.CNY)).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Money.Parse("¥1.001", Currency.CNY));
        Assert.Throws<FormatException>(() => Money.Parse("five", Currency.CNY));
    }

    [Fact]
    [Trait("Globalization", "Cultures")]
    public void Formats_and_parses_in_a_named_culture()
    {
        Assert.Equal("3.600,00 €", Money.Eur(3600m).ToString("C", CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal(Money.Eur(3600.5m), Money.Parse("3.600,50 €", Currency.EUR, CultureInfo.GetCultureInfo("de-DE")));
    }
}
