using System.Text.Json;

namespace CommunityModel.Tests;

public class JsonTests
{
    private sealed record PriceList(Money Vip, Rate Commission, Currency Currency, Dictionary<Currency, Money> Regional);

    [Fact]
    public void Money_is_written_as_amount_with_the_currencys_decimals_and_code()
    {
        Assert.Equal("""{"amount":3600.00,"currency":"CNY"}""", JsonSerializer.Serialize(Money.Cny(3600m)));
        Assert.Equal("""{"amount":3600,"currency":"JPY"}""", JsonSerializer.Serialize(Money.Jpy(3600m)));
        Assert.Equal("""{"amount":-0.05,"currency":"USD"}""", JsonSerializer.Serialize(Money.Usd(-0.05m)));
    }

    [Fact]
    public void A_document_with_every_value_type_round_trips()
    {
        var prices = new PriceList(
            Money.Cny(3600m),
            Rate.FromPercent(12.5m),
            Currency.CNY,
            new() { [Currency.HKD] = Money.Of(3900m, Currency.HKD), [Currency.USD] = Money.Usd(499.99m) });

        var json = JsonSerializer.Serialize(prices);
        var back = JsonSerializer.Deserialize<PriceList>(json)!;

        Assert.Contains("\"Commission\":\"12.5%\"", json, StringComparison.Ordinal);
        Assert.Contains("\"HKD\":{\"amount\":3900.00,\"currency\":\"HKD\"}", json, StringComparison.Ordinal);
        Assert.Equal(prices.Vip, back.Vip);
        Assert.Equal(prices.Commission, back.Commission);
        Assert.Equal(prices.Currency, back.Currency);
        Assert.Equal(prices.Regional, back.Regional);
    }

    [Theory]
    [InlineData("""{"amount":"3600.5","currency":"cny"}""", 360_050)]
    [InlineData("""{"currency":"CNY","amount":1,"note":"ignored"}""", 100)]
    [InlineData("""{"Amount":2.10,"Currency":"CNY"}""", 210)]
    public void Money_is_read_from_numbers_or_numeric_strings(string json, long minorUnits)
    {
        Assert.Equal(Money.FromMinorUnits(minorUnits, Currency.CNY), JsonSerializer.Deserialize<Money>(json));
    }

    [Theory]
    [InlineData("\"3600 CNY\"", "JSON object")]
    [InlineData("""{"amount":1}""", "both")]
    [InlineData("""{"currency":"CNY"}""", "both")]
    [InlineData("""{"amount":1,"currency":"RMB"}""", "'RMB'")]
    [InlineData("""{"amount":1,"currency":7}""", "''")]
    [InlineData("""{"amount":1.001,"currency":"CNY"}""", "more decimal places")]
    [InlineData("""{"amount":true,"currency":"CNY"}""", "number")]
    public void Invalid_money_json_is_rejected_with_a_reason(string json, string reason)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rates_read_from_percent_strings_or_fraction_numbers()
    {
        Assert.Equal(Rate.FromPercent(15m), JsonSerializer.Deserialize<Rate>("\"15%\""));
        Assert.Equal(Rate.FromPercent(15m), JsonSerializer.Deserialize<Rate>("0.15"));
        Assert.Equal(Rate.FromFraction(0.0015m), JsonSerializer.Deserialize<Rate>("\"1.5‰\""));
        Assert.Contains("'lots'", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Rate>("\"lots\"")).Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Rate>("true"));
    }

    [Fact]
    public void Currencies_are_codes_and_unknown_codes_are_rejected()
    {
        Assert.Equal("\"JPY\"", JsonSerializer.Serialize(Currency.JPY));
        Assert.Equal(Currency.JPY, JsonSerializer.Deserialize<Currency>("\"jpy\""));
        Assert.Contains("'RMB'", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Currency>("\"RMB\"")).Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Currency>("156"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<Currency, int>>("""{"RMB":1}"""));
    }
}
