using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Commissions.Tests.DependencyInjection;

public class CommissionsServiceCollectionExtensionsTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void A_plan_and_ledger_bind_from_configuration_and_the_calculator_pays_by_them()
    {
        var configuration = Configuration(new()
        {
            ["Commissions:Plan:Name"] = "seed",
            ["Commissions:Plan:Levels:0:Rate"] = "10%",
            ["Commissions:Plan:Levels:1:Rate"] = "5%",
            ["Commissions:Plan:Levels:2:FixedAmount"] = "3.00 CNY",
            ["Commissions:Plan:TierOverrides:KA:0:FixedAmount"] = "1000.00 CNY",
            ["Commissions:Plan:ExcludedOrderKinds:0"] = "GroupBuy",
            ["Commissions:Plan:IneligibleUpline"] = "Compress",
            ["Commissions:Ledger:FreezePeriod"] = "14.00:00:00",
            ["Commissions:Ledger:MinimumWithdrawal"] = "10.00 CNY",
            ["Commissions:Ledger:WithdrawalFee"] = "0.6%",
            ["Commissions:ComplianceProfiles:0:Name"] = "house",
            ["Commissions:ComplianceProfiles:0:MaxLevels"] = "2",
        });
        using var provider = new ServiceCollection().AddCommissions(configuration.GetSection("Commissions")).BuildServiceProvider();

        var calculator = provider.GetRequiredService<CommissionCalculator>();
        var network = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3)]);
        var result = calculator.Calculate(new CommissionableOrder("o", 4, Money.Cny(3600m)), network);
        var options = provider.GetRequiredService<IOptions<CommissionsOptions>>().Value;

        Assert.Equal("seed", calculator.Plan.Name);
        Assert.Equal(IneligibleUplinePolicy.Compress, calculator.Plan.IneligibleUpline);
        Assert.Equal([360m, 180m, 3m], result.Lines.Select(l => l.Amount.Amount));
        Assert.Equal(Money.Cny(1000m), calculator.Plan.TierOverrides["KA"][0]!.FixedAmount);
        Assert.Contains("GroupBuy", calculator.Plan.ExcludedOrderKinds);
        Assert.Equal((TimeSpan.FromDays(14), Money.Cny(10m), Rate.FromPercent(0.6m)), (options.Ledger.FreezePeriod, options.Ledger.MinimumWithdrawal, options.Ledger.WithdrawalFee));
        Assert.Equal(ComplianceCodes.TooManyLevels, Assert.Single(provider.GetRequiredService<ComplianceLinter>().Lint(calculator.Plan, "house")).Code);
        Assert.Same(provider.GetRequiredService<CommissionLedger>(), provider.GetRequiredService<CommissionLedger>());
    }

    [Fact]
    public void A_plan_built_in_code_is_registered_with_the_same_validation()
    {
        using var provider = new ServiceCollection()
            .AddCommissions(c => c
                .Plan("code", p => p.Level(Rate.FromPercent(12)).ExcludeOrderKinds("FlashSale"))
                .Ledger(l => l.FreezePeriod = TimeSpan.FromDays(3))
                .AddComplianceProfile(new ComplianceProfile { Name = "strict", MaxLevels = 0 }))
            .BuildServiceProvider();

        Assert.Equal([LevelReward.OfRate(Rate.FromPercent(12))], provider.GetRequiredService<CommissionPlan>().Levels.ToArray());
        Assert.Equal(TimeSpan.FromDays(3), provider.GetRequiredService<IOptions<CommissionsOptions>>().Value.Ledger.FreezePeriod);
        Assert.Contains("strict", provider.GetRequiredService<ComplianceLinter>().Profiles.Keys);
    }

    [Fact]
    public void More_than_three_levels_fails_at_start_up_naming_the_setting()
    {
        var configuration = Configuration(new()
        {
            ["Commissions:Plan:Levels:0:Rate"] = "10%",
            ["Commissions:Plan:Levels:1:Rate"] = "5%",
            ["Commissions:Plan:Levels:2:Rate"] = "3%",
            ["Commissions:Plan:Levels:3:Rate"] = "1%",
        });
        using var provider = new ServiceCollection().AddCommissions(configuration.GetSection("Commissions")).BuildServiceProvider();

        // What the host runs at start-up (ValidateOnStart), before any calculator is resolved.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Commissions:Plan: Levels has 4 level(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_ledger_settings_are_all_reported_at_start_up()
    {
        var options = new CommissionsOptions
        {
            Plan = new CommissionPlanBuilder("p").Level(Rate.FromPercent(10)).ToOptions(),
            Ledger = new LedgerOptions { FreezePeriod = TimeSpan.FromDays(-1), MinimumWithdrawal = Money.Usd(1m), WithdrawalFee = Rate.FromPercent(101), Currency = Currency.USD },
            ComplianceProfiles = [new ComplianceProfile { Name = "" }],
        };

        var result = new CommissionsOptionsValidator().Validate(null, options);

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("FreezePeriod", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("WithdrawalFee", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("plan pays in CNY", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("ComplianceProfiles", StringComparison.Ordinal));
        Assert.Contains("Ledger:FreezePeriod is -1.00:00:00; it must be zero or positive.", result.Failures!);
        Assert.Contains("Community:Commissions:Ledger:FreezePeriod is -1.00:00:00; it must be zero or positive.", new CommissionsOptionsValidator("Community:Commissions").Validate(null, options).Failures!);
    }

    [Fact]
    public void Failures_name_the_settings_under_the_section_actually_bound()
    {
        var configuration = Configuration(new()
        {
            ["Community:Commissions:Plan:Levels:0:Rate"] = "10%",
            ["Community:Commissions:Ledger:FreezePeriod"] = "-1.00:00:00",
            ["Community:Commissions:Ledger:WithdrawalFee"] = "150%",
        });
        using var provider = new ServiceCollection().AddCommissions(configuration.GetSection("Community:Commissions")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["Community:Commissions:Ledger:FreezePeriod is -1.00:00:00; it must be zero or positive.", "Community:Commissions:Ledger:WithdrawalFee is 150%; it must be between 0% and 100%."],
            error.Failures);
    }

    [Fact]
    public void Options_set_in_code_fail_naming_settings_relative_to_the_options()
    {
        using var provider = new ServiceCollection()
            .AddCommissions(c => c.Plan("code", p => p.Level(Rate.FromPercent(12))).Ledger(l => l.FreezePeriod = TimeSpan.FromDays(-2)))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Ledger:FreezePeriod is -2.00:00:00; it must be zero or positive."], error.Failures);
    }

    [Fact]
    public void A_value_that_does_not_parse_fails_at_start_up_naming_its_path()
    {
        var configuration = Configuration(new() { ["Commissions:Plan:Levels:0:Rate"] = "ten percent" });
        using var provider = new ServiceCollection().AddCommissions(configuration.GetSection("Commissions")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Commissions:Plan:Levels:0:Rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_value_is_named_at_once_and_an_undefined_enum_number_is_refused()
    {
        var configuration = Configuration(new()
        {
            ["Commissions:Plan:Levels:0:Rate"] = "ten percent",
            ["Commissions:Plan:Rounding"] = "17",
            ["Commissions:Ledger:MinimumWithdrawal"] = "10.001 CNY",
            ["Commissions:Ledger:FreezePeriod"] = "a week",
        });
        using var provider = new ServiceCollection().AddCommissions(configuration.GetSection("Commissions")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Commissions:Plan:Levels:0:Rate is 'ten percent'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Commissions:Plan:Rounding is '17', which is not one of HalfUp, HalfEven, Down, Up", error.Message, StringComparison.Ordinal);
        Assert.Contains("Commissions:Ledger:MinimumWithdrawal is '10.001 CNY'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Commissions:Ledger:FreezePeriod is 'a week'", error.Message, StringComparison.Ordinal);
    }
}
