using Microsoft.Extensions.Configuration;

namespace CommunityModel.Tests;

public class ConfigurationBindingTests
{
    private sealed class PricingOptions
    {
        public Money VipPrice { get; set; }

        public Rate ReferralRate { get; set; }

        public Currency Currency { get; set; }
    }

    [Fact]
    public void Money_rates_and_currencies_bind_from_configuration_text()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Pricing:VipPrice"] = "3600.00 CNY",
                ["Pricing:ReferralRate"] = "15%",
                ["Pricing:Currency"] = "CNY",
            })
            .Build();

        var options = configuration.GetSection("Pricing").Get<PricingOptions>()!;

        Assert.Equal(Money.Cny(3600m), options.VipPrice);
        Assert.Equal(Rate.FromPercent(15m), options.ReferralRate);
        Assert.Equal(Currency.CNY, options.Currency);
    }

    [Fact]
    public void A_bad_amount_in_configuration_fails_binding_with_the_reason()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pricing:VipPrice"] = "3600.005 CNY" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => configuration.GetSection("Pricing").Get<PricingOptions>());

        Assert.Contains("3600.005 CNY", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_convert_back_to_the_text_they_bind_from()
    {
        var converter = System.ComponentModel.TypeDescriptor.GetConverter(typeof(Money));

        Assert.Equal("3600.00 CNY", converter.ConvertToInvariantString(Money.Cny(3600m)));
        Assert.Equal("15%", System.ComponentModel.TypeDescriptor.GetConverter(typeof(Rate)).ConvertToInvariantString(Rate.FromPercent(15m)));
        Assert.Equal(Currency.USD, System.ComponentModel.TypeDescriptor.GetConverter(typeof(Currency)).ConvertFromInvariantString("USD"));
    }
}
