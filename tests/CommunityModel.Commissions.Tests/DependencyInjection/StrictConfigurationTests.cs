using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Commissions.Tests.DependencyInjection;

/// <summary>
/// Keys under the library's sections are checked at start-up against the settings that exist: a misspelt key stops
/// the start naming the key and the nearest valid one, instead of leaving the default in force. The base is the CRM
/// sample's real appsettings.json, so the check is also proved to accept every key a real application writes.
/// </summary>
public class StrictConfigurationTests
{
    private static IConfiguration Settings(Dictionary<string, string?>? overrides = null, params string[] removed)
    {
        var path = Path.Combine(RepositoryRoot(), "samples", "CommunityModel.Crm", "appsettings.json");
        var root = new ConfigurationBuilder().AddJsonFile(path).AddInMemoryCollection(overrides ?? []).Build();
        foreach (var key in removed)
        {
            root[key] = null;
        }

        return root;
    }

    private static void Start(IConfiguration configuration)
    {
        using var provider = new ServiceCollection()
            .AddCommunityModel(configuration.GetSection("Community"))
            .AddCommissions(configuration.GetSection("Commissions"))
            .BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>Every failure of the start: one options type's failures come as one exception, several types' as an aggregate of them.</summary>
    private static IEnumerable<string> Failures(IConfiguration configuration)
    {
        var error = Record.Exception(() => Start(configuration));
        var errors = error is AggregateException aggregate ? aggregate.InnerExceptions : [Assert.IsType<OptionsValidationException>(error)];
        return errors.Select(e => Assert.IsType<OptionsValidationException>(e)).SelectMany(e => e.Failures).ToList();
    }

    [Fact]
    public void The_sample_applications_settings_start_with_every_key_known()
    {
        Start(Settings());
    }

    [Fact]
    public void A_misspelt_membership_setting_stops_start_up_naming_the_nearest_key()
    {
        var failures = Failures(Settings(new() { ["Community:Memberships:CoolingOfDays"] = "14" }));

        Assert.Equal(["Community:Memberships:CoolingOfDays is not a setting; did you mean Community:Memberships:CoolingOffDays?"], failures);
    }

    [Fact]
    public void A_misspelt_ledger_setting_stops_start_up_naming_the_nearest_key()
    {
        var failures = Failures(Settings(new() { ["Commissions:Ledger:FreezPeriod"] = "14.00:00:00" }));

        Assert.Equal(["Commissions:Ledger:FreezPeriod is not a setting; did you mean Commissions:Ledger:FreezePeriod?"], failures);
    }

    [Fact]
    public void Keys_inside_list_items_and_misspelt_sections_are_checked_too()
    {
        var failures = Failures(Settings(new()
        {
            ["Community:Memberships:Tiers:1:TermMonth"] = "24",
            ["Community:Memberhsips:CoolingOffDays"] = "14",
            ["Commissions:Plan:Levels:2:Rat"] = "1%",
            ["Community:Lifecycle:DormantAfterDay"] = "60",
        }));

        Assert.Equal(
            [
                "Commissions:Plan:Levels:2:Rat is not a setting; did you mean Commissions:Plan:Levels:2:Rate?",
                "Community:Lifecycle:DormantAfterDay is not a setting; did you mean Community:Lifecycle:DormantAfterDays?",
                "Community:Memberhsips is not a setting; did you mean Community:Memberships?",
                "Community:Memberships:Tiers:1:TermMonth is not a setting; did you mean Community:Memberships:Tiers:1:TermMonths?",
            ],
            failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_key_near_nothing_lists_the_settings_of_its_section()
    {
        var failures = Failures(Settings(new() { ["Commissions:Ledger:Payday"] = "Friday" }));

        Assert.Equal(["Commissions:Ledger:Payday is not a setting; the settings here are Currency, FreezePeriod, MinimumWithdrawal, WithdrawalFee."], failures);
    }

    [Theory]
    [InlineData("Commissions:Plan:Levels:0:Rate", "10", "Commissions:Plan:Levels:0:Rate is '10', a bare number: write the rate with its unit, e.g. '10%' or '10‰'.")]
    [InlineData("Commissions:Ledger:WithdrawalFee", "0.006", "Commissions:Ledger:WithdrawalFee is '0.006', a bare number: write the rate with its unit, e.g. '0.006%' or '0.006‰'.")]
    public void A_rate_written_as_a_bare_number_stops_start_up_saying_so(string key, string value, string expected)
    {
        var failures = Failures(Settings(new() { [key] = value }));

        Assert.Equal([expected], failures);
    }

    [Fact]
    public void Rates_with_their_unit_bind_in_percent_and_per_mille()
    {
        var configuration = Settings(new() { ["Commissions:Plan:Levels:2:Rate"] = "1.5‰", ["Commissions:Ledger:WithdrawalFee"] = "0.6%" });
        using var provider = new ServiceCollection()
            .AddCommunityModel(configuration.GetSection("Community"))
            .AddCommissions(configuration.GetSection("Commissions"))
            .BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var plan = provider.GetRequiredService<CommunityModel.Commissions.Plans.CommissionPlan>();
        Assert.Equal(Rate.FromPercent(0.15m), plan.Levels[2].Rate);
        Assert.Equal(Rate.FromPercent(0.6m), provider.GetRequiredService<IOptions<CommunityModel.Commissions.DependencyInjection.CommissionsOptions>>().Value.Ledger.WithdrawalFee);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommunityModel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (CommunityModel.sln) was not found above " + AppContext.BaseDirectory);
    }
}
