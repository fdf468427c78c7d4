using System.Globalization;

namespace CommunityModel.Tests;

/// <summary>
/// Money at its exact boundaries: zero's sign, comparisons of equal amounts, the shortest text that parses, the
/// culture a caller passes, and every refusal naming the operation and the input that was wrong.
/// </summary>
public class MoneyBoundaryTests
{
    // A culture with a decimal comma and a point between thousands, so a format that ignored it would show.
    private static readonly NumberFormatInfo Comma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", CurrencyDecimalSeparator = ",", CurrencyGroupSeparator = "." };

    [Fact]
    public void Zero_is_neither_positive_nor_negative_and_its_amount_carries_no_minus_sign()
    {
        var zero = Money.Zero(Currency.CNY);

        Assert.Equal((false, false, true, 0), (zero.IsPositive, zero.IsNegative, zero.IsZero, zero.Sign));
        Assert.False(decimal.IsNegative(zero.Amount));
        Assert.Equal((true, false), (Money.Cny(-0.01m).IsNegative, Money.Cny(-0.01m).IsPositive));
        Assert.Equal((false, true), (Money.Cny(0.01m).IsNegative, Money.Cny(0.01m).IsPositive));
    }

    [Fact]
    public void Equal_amounts_are_not_less_or_greater_than_each_other_and_differ_only_when_unequal()
    {
        var a = Money.Cny(3600m);
        var b = Money.Cny(3600m);

        Assert.Equal((false, false, true, true), ((a < b), (a > b), (a <= b), (a >= b)));
        Assert.False(a != b);
        Assert.True(a != Money.Cny(3600.01m));
        Assert.True(a != Money.Usd(3600m));
    }

    [Fact]
    public void Every_refusal_names_the_operation_that_failed()
    {
        var max = Money.FromMinorUnits(long.MaxValue, Currency.CNY);
        var min = Money.FromMinorUnits(long.MinValue, Currency.CNY);
        var fen = Money.FromMinorUnits(1, Currency.CNY);

        Assert.Contains("Cannot add amounts in CNY and USD", Assert.Throws<CurrencyMismatchException>(() => fen.Add(Money.Usd(1m))).Message, StringComparison.Ordinal);
        Assert.Contains("Cannot subtract amounts in CNY and USD", Assert.Throws<CurrencyMismatchException>(() => fen.Subtract(Money.Usd(1m))).Message, StringComparison.Ordinal);
        Assert.Contains("Cannot compare amounts in CNY and USD", Assert.Throws<CurrencyMismatchException>(() => fen.CompareTo(Money.Usd(1m))).Message, StringComparison.Ordinal);
        Assert.Contains("Cannot allocate by weights amounts in CNY and USD", Assert.Throws<CurrencyMismatchException>(() => fen.Allocate([Money.Cny(1m), Money.Usd(1m)])).Message, StringComparison.Ordinal);
        Assert.Contains("The result of add in CNY", Assert.Throws<AmountOverflowException>(() => max.Add(fen)).Message, StringComparison.Ordinal);
        Assert.Contains("The result of subtract in CNY", Assert.Throws<AmountOverflowException>(() => min.Subtract(fen)).Message, StringComparison.Ordinal);
        Assert.Contains("The result of negate in CNY", Assert.Throws<AmountOverflowException>(() => min.Negate()).Message, StringComparison.Ordinal);
        Assert.Contains("The result of prorate in CNY", Assert.Throws<AmountOverflowException>(() => max.Prorate(2, 1, RoundingMode.Down)).Message, StringComparison.Ordinal);
        Assert.Contains("The result of create an amount in CNY", Assert.Throws<AmountOverflowException>(() => Money.Cny(decimal.MaxValue)).Message, StringComparison.Ordinal);
        Assert.Contains("The result of create an amount in CNY", Assert.Throws<AmountOverflowException>(() => Money.Of(decimal.MaxValue, Currency.CNY, RoundingMode.HalfUp)).Message, StringComparison.Ordinal);
        Assert.Contains("into 0 parts", Assert.Throws<InvalidAllocationException>(() => fen.Split(0)).Message, StringComparison.Ordinal);
        Assert.Equal("Object must be of type Money. (Parameter 'obj')", Assert.Throws<ArgumentException>(() => ((IComparable)fen).CompareTo("¥1")).Message);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Money.Sum(null!, Currency.CNY)).ParamName);
    }

    [Fact]
    public void Formats_use_the_callers_culture_and_an_empty_format_is_the_currency_format()
    {
        var amount = Money.Cny(1234.5m);

        Assert.Equal("¥1,234.50", amount.ToString(string.Empty, null));
        Assert.Equal("CNY 1.234,50", amount.ToString("I", Comma));
        Assert.Equal("1.234,50", amount.ToString("N", Comma));
        Assert.Equal("1234,50", amount.ToString("F", Comma));
        Assert.Contains("'X' is not a money format", Assert.Throws<FormatException>(() => amount.ToString("X", null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsing_takes_the_shortest_text_the_callers_culture_and_names_what_was_wrong()
    {
        Assert.Equal(Money.Cny(1m), Money.Parse("1CNY"));
        Assert.Equal(Money.Cny(1234.5m), Money.Parse("1.234,50 CNY", Comma));
        Assert.Equal("s", Assert.Throws<ArgumentNullException>(() => Money.Parse(null!, (IFormatProvider?)null)).ParamName);
        Assert.Equal("s", Assert.Throws<ArgumentNullException>(() => Money.Parse(null!, Currency.CNY, null)).ParamName);
        Assert.Contains("'abc' is not an amount in CNY", Assert.Throws<FormatException>(() => Money.Parse("abc", Currency.CNY)).Message, StringComparison.Ordinal);
        Assert.Contains("'1.234' has more decimal places than CNY allows (2)", Assert.Throws<FormatException>(() => Money.Parse("1.234", Currency.CNY)).Message, StringComparison.Ordinal);

        // A refused parse leaves the default amount, not a zero in the currency it named.
        Assert.False(Money.TryParse("1.234 CNY", null, out var refused));
        Assert.Equal(default, refused);
    }
}
