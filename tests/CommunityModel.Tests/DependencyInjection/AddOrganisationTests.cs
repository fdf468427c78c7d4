using CommunityModel.Organisation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.DependencyInjection;

public class AddOrganisationTests
{
    private static IConfiguration Community(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Community");

    [Fact]
    public void An_organisation_section_registers_the_organisation_with_its_rules()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Community(new()
            {
                ["Community:Organisation:ElectionQuorum"] = "60%",
                ["Community:Organisation:TieRule"] = "FirstListed",
                ["Community:Organisation:MonitorTermDays"] = "90",
                ["Community:Organisation:BannedTopics:0"] = "gambling",
            }))
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var organisation = provider.GetRequiredService<CommunityModel.Organisation.Organisation>();
        var options = provider.GetRequiredService<IOptions<OrganisationOptions>>().Value;

        Assert.Equal((Rate.FromPercent(60), ElectionTieRule.FirstListed, 90), (options.ElectionQuorum, options.TieRule, options.MonitorTermDays));
        Assert.Equal(["gambling"], organisation.Moderation.Topics.AsEnumerable()); // the configured list replaces the defaults
        Assert.True(organisation.Moderation.Check("no gambling tonight").IsBanned);
    }

    [Fact]
    public void Without_an_organisation_section_no_organisation_is_registered()
    {
        using var provider = new ServiceCollection().AddCommunityModel(Community([])).BuildServiceProvider();

        Assert.Null(provider.GetService<CommunityModel.Organisation.Organisation>());
    }

    [Fact]
    public void Bad_or_misspelt_settings_stop_start_up_naming_each_setting_under_its_section()
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(Community(new()
            {
                ["Community:Organisation:ElectionQuorum"] = "0.5",
                ["Community:Organisation:MonitorTermDays"] = "-1",
                ["Community:Organisation:MonitorTermDay"] = "30",
            }))
            .BuildServiceProvider();

        var failures = StartUpFailures(provider);

        Assert.Contains(failures, f => f.StartsWith("Community:Organisation:ElectionQuorum", StringComparison.Ordinal) && f.Contains("'0.5'", StringComparison.Ordinal));
        Assert.Contains("Community:Organisation:MonitorTermDays is -1; it must be 0 (no term) or more.", failures);
        Assert.Contains(failures, f => f.Contains("Community:Organisation:MonitorTermDay", StringComparison.Ordinal) && f.Contains("MonitorTermDays", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_set_in_code_are_validated_at_start_up_too()
    {
        using var provider = new ServiceCollection()
            .AddOrganisation(o => o.ElectionQuorum = Rate.FromPercent(150))
            .BuildServiceProvider();

        Assert.Equal("ElectionQuorum is 150%; it must be between 0% and 100%.", Assert.Single(StartUpFailures(provider)));
    }

    private static string[] StartUpFailures(ServiceProvider provider)
    {
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var errors = error is AggregateException all ? all.InnerExceptions : [error];
        return [.. errors.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
    }
}
