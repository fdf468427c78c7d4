namespace CommunityModel.Tests;

public class CurrencyTests
{
    [Theory]
    [InlineData("CNY", 2, 156, "¥")]
    [InlineData("cny", 2, 156, "¥")]
    [InlineData("USD", 2, 840, "$")]
    [InlineData("JPY", 0, 392, "¥")]
    [InlineData("KWD", 3, 414, "KWD")]
    [InlineData("CLF", 4, 990, "CLF")]
    public void FromCode_knows_the_minor_unit_of_ISO_4217_currencies(string code, int digits, int numeric, string symbol)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code.ToUpperInvariant(), currency.Code);
        Assert.Equal(digits, currency.MinorDigits);
        Assert.Equal(numeric, currency.NumericCode);
        Assert.Equal(symbol, currency.Symbol);
        Assert.Equal((long)Math.Pow(10, digits), currency.MinorUnitsPerMajorUnit);
    }

    [Theory]
    [InlineData("RMB")]
    [InlineData("XYZ")]
    [InlineData("CNYY")]
    [InlineData("CN")]
    [InlineData("")]
    public void FromCode_rejects_unknown_codes_with_a_typed_error_that_names_the_code(string code)
    {
        var error = Assert.Throws<UnknownCurrencyException>(() => Currency.FromCode(code));

        Assert.Equal(code, error.Code);
        Assert.Equal(ErrorCodes.UnknownCurrency, error.ErrorCode);
        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_rejects_null()
    {
        var error = Assert.Throws<UnknownCurrencyException>(() => Currency.FromCode(null!));
        Assert.Null(error.Code);
    }

    [Fact]
    public void TryFromCode_reports_unknown_codes_without_throwing()
    {
        Assert.False(Currency.TryFromCode((string?)null, out var none));
        Assert.Equal(Currency.None, none);
        Assert.False(Currency.TryFromCode("ABC", out _));
        Assert.False(Currency.TryFromCode("AB".AsSpan(), out _));
        Assert.True(Currency.TryFromCode("eur".AsSpan(), out var euro));
        Assert.Equal(Currency.EUR, euro);
    }

    [Fact]
    public void Default_currency_is_XXX_no_currency()
    {
        Currency currency = default;

        Assert.Equal("XXX", currency.Code);
        Assert.Equal(0, currency.MinorDigits);
        Assert.Equal(Currency.None, currency);
        Assert.NotEqual(Currency.CNY, currency);
    }

    [Fact]
    public void Every_listed_currency_is_found_by_its_own_code_and_codes_are_unique()
    {
        Assert.True(Currency.All.Count > 150);
        Assert.Equal(Currency.All.Count, Currency.All.Select(c => c.Code).Distinct().Count());
        Assert.Equal(Currency.All.Count, Currency.All.Select(c => c.NumericCode).Distinct().Count());
        foreach (var currency in Currency.All)
        {
            Assert.Equal(currency, Currency.FromCode(currency.Code));
            Assert.InRange(currency.MinorDigits, 0, 4);
        }
    }

    [Fact]
    public void Equality_and_order_follow_the_code()
    {
        Assert.True(Currency.CNY == Currency.FromCode("CNY"));
        Assert.True(Currency.CNY != Currency.USD);
        Assert.True(Currency.CNY < Currency.USD);
        Assert.True(Currency.USD > Currency.EUR);
        Assert.True(Currency.CNY <= Currency.CNY && Currency.CNY >= Currency.CNY);
        Assert.Equal(Currency.CNY.GetHashCode(), Currency.FromCode("cny").GetHashCode());
        Assert.False(Currency.CNY.Equals((object)"CNY"));
        Assert.Throws<ArgumentException>(() => ((IComparable)Currency.CNY).CompareTo("CNY"));
        Assert.True(((IComparable)Currency.CNY).CompareTo(null) > 0);
    }

    [Fact]
    public void Formats_as_code_symbol_or_name()
    {
        Assert.Equal("CNY", Currency.CNY.ToString());
        Assert.Equal("CNY", $"{Currency.CNY:I}");
        Assert.Equal("¥", $"{Currency.CNY:S}");
        Assert.Equal("Yuan Renminbi", $"{Currency.CNY:N}");
        Assert.Throws<FormatException>(() => Currency.CNY.ToString("X", null));
    }

    [Fact]
    public void Parse_accepts_codes_and_rejects_anything_else_with_a_format_error()
    {
        Assert.Equal(Currency.JPY, Currency.Parse("jpy"));
        Assert.True(Currency.TryParse("HKD", null, out var hkd));
        Assert.Equal(Currency.HKD, hkd);
        var error = Assert.Throws<FormatException>(() => Currency.Parse("yuan"));
        Assert.Contains("'yuan'", error.Message, StringComparison.Ordinal);
    }
}
