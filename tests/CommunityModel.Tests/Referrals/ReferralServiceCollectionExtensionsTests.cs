using CommunityModel.Referrals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.Referrals;

public class ReferralServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_bind_from_configuration_and_the_network_uses_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Referrals:Mode"] = "AtRegistrationOnly", ["Referrals:RegistrationWindow"] = "02:00:00" })
            .Build();
        using var provider = new ServiceCollection().AddReferrals(configuration.GetSection("Referrals")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ReferralOptions>>().Value;

        Assert.Equal(ReferralBindingMode.AtRegistrationOnly, options.Mode);
        Assert.Equal(TimeSpan.FromHours(2), options.RegistrationWindow);
        Assert.Same(provider.GetRequiredService<ReferralNetwork>(), provider.GetRequiredService<ReferralNetwork>());
    }

    [Fact]
    public void A_negative_window_fails_validation_naming_the_setting()
    {
        using var provider = new ServiceCollection().AddReferrals(o => o.RegistrationWindow = TimeSpan.FromHours(-1)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReferralOptions>>().Value);

        Assert.Contains("RegistrationWindow", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mode", new ReferralOptionsValidator().Validate(null, new ReferralOptions { Mode = (ReferralBindingMode)9 }).FailureMessage, StringComparison.Ordinal);
        Assert.Equal(["RegistrationWindow is -01:00:00; it must be zero or positive."], error.Failures); // set in code: relative to the options
    }

    [Fact]
    public void Failures_name_the_settings_under_the_section_actually_bound()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Community:Referrals:RegistrationWindow"] = "-02:00:00" })
            .Build();
        using var provider = new ServiceCollection().AddReferrals(configuration.GetSection("Community:Referrals")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Community:Referrals:RegistrationWindow is -02:00:00; it must be zero or positive."], error.Failures);
        Assert.Equal(
            ["Community:Referrals:Mode '9' is not a binding mode; use FirstReferralAnyTime, AtRegistrationOnly or LatestReferralOverrides."],
            new ReferralOptionsValidator("Community:Referrals").Validate(null, new ReferralOptions { Mode = (ReferralBindingMode)9 }).Failures);
    }
}
