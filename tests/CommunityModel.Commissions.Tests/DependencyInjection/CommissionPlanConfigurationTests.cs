using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Commissions.Tests.DependencyInjection;

public class CommissionPlanConfigurationTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> values) =>
        new ServiceCollection().AddCommissions(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Commissions")).BuildServiceProvider();

    private static Dictionary<string, string?> Plan() => new()
    {
        ["Commissions:Plan:Name"] = "team",
        ["Commissions:Plan:Levels:0:Rate"] = "10%",
        ["Commissions:Plan:Levels:1:Rate"] = "5%",
        ["Commissions:Plan:Ranks:0:Code"] = "R1",
        ["Commissions:Plan:Ranks:0:DifferentialRate"] = "5%",
        ["Commissions:Plan:Ranks:0:MinPersonalVolume"] = "3600.00 CNY",
        ["Commissions:Plan:Ranks:1:Code"] = "R2",
        ["Commissions:Plan:Ranks:1:DifferentialRate"] = "10%",
        ["Commissions:Plan:Ranks:1:PeerRate"] = "3%",
        ["Commissions:Plan:Ranks:1:MinTeamVolume"] = "100000.00 CNY",
        ["Commissions:Plan:Ranks:1:MinQualifiedLegs"] = "2",
        ["Commissions:Plan:Ranks:1:LegRank"] = "R1",
        ["Commissions:Plan:PeerBonus:Rate"] = "2%",
        ["Commissions:Plan:PeerBonus:Basis"] = "OfDownlineDifferential",
        ["Commissions:Plan:PeerBonus:Generations"] = "2",
        ["Commissions:Plan:PayoutCap"] = "35%",
        ["Commissions:Plan:SellerEarnsOwnRank"] = "false",
        ["Commissions:Plan:RankRetention"] = "KeepHighestReached",
        ["Commissions:Plan:SplitOffVolume"] = "Excluded",
        ["Commissions:Run:MaxDegreeOfParallelism"] = "2",
        ["Commissions:Run:ChunkSize"] = "4096",
    };

    [Fact]
    public void A_combined_plan_binds_from_configuration_with_rates_and_amounts_read_from_their_text()
    {
        using var provider = Provider(Plan());
        provider.GetRequiredService<IStartupValidator>().Validate();

        var plan = provider.GetRequiredService<CommissionPlan>();

        Assert.Equal("team", plan.Name);
        Assert.Equal(2, plan.Levels.Length);
        Assert.Equal(["R1", "R2"], plan.Ladder.Ranks.Select(r => r.Code));
        Assert.Equal((Money.Cny(3600m), Rate.FromPercent(3), 2, "R1"), (plan.Ladder[1].MinPersonalVolume!.Value, plan.Ladder[2].PeerRate!.Value, plan.Ladder[2].MinQualifiedLegs, plan.Ladder[2].LegRank!));
        Assert.Equal((Rate.FromPercent(2), PeerBonusBasis.OfDownlineDifferential, 2), (plan.PeerRate, plan.PeerBasis, plan.PeerGenerations));
        Assert.Equal(Rate.FromPercent(35), plan.PayoutCap);
        Assert.False(plan.SellerEarnsOwnRank);
        Assert.Equal((RankRetention.KeepHighestReached, SplitOffVolume.Excluded), (plan.Qualifier.Retention, plan.Qualifier.SplitOff));
        Assert.Same(plan, provider.GetRequiredService<CommissionCalculator>().Plan);
        Assert.Same(plan, provider.GetRequiredService<CommissionRun>().Plan);
        Assert.Equal(4096, provider.GetRequiredService<IOptions<CommissionsOptions>>().Value.Run.ChunkSize);
    }

    [Fact]
    public void A_levels_only_plan_is_a_plan_with_one_rule_paid_by_the_one_calculator()
    {
        var values = Plan();
        foreach (var key in values.Keys.Where(k => k.StartsWith("Commissions:Plan:", StringComparison.Ordinal) && !k.StartsWith("Commissions:Plan:Levels", StringComparison.Ordinal)).ToList())
        {
            values.Remove(key);
        }

        using var provider = Provider(values);
        provider.GetRequiredService<IStartupValidator>().Validate();

        var plan = provider.GetRequiredService<CommissionPlan>();

        Assert.Equal([Rate.FromPercent(10), Rate.FromPercent(5)], plan.Levels.Select(l => l.Rate!.Value));
        Assert.Equal(0, plan.Ladder.Count);
        Assert.Same(plan, provider.GetRequiredService<CommissionCalculator>().Plan);
        Assert.Same(plan, provider.GetRequiredService<CommissionRun>().Plan);
    }

    [Fact]
    public void A_compensation_section_beside_the_plan_is_refused_at_start_up_naming_where_its_rules_go()
    {
        var values = Plan();
        values["Commissions:Compensation:Ranks:0:Code"] = "R1";
        using var provider = Provider(values);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Compensation is not a setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_pays_no_rule_fails_at_start_up()
    {
        using var provider = Provider(new() { ["Commissions:Plan:Name"] = "empty" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Commissions:Plan: The plan pays nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unordered_ladder_a_bad_cap_and_bad_generations_fail_at_start_up_each_with_its_code()
    {
        var values = Plan();
        values["Commissions:Plan:Ranks:1:DifferentialRate"] = "4%";
        values["Commissions:Plan:PayoutCap"] = "120%";
        values["Commissions:Plan:PeerBonus:Generations"] = "5";
        using var provider = Provider(values);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(CommissionErrorCodes.RanksUnordered, error.Message, StringComparison.Ordinal);
        Assert.Contains(CommissionErrorCodes.InvalidPayoutCap, error.Message, StringComparison.Ordinal);
        Assert.Contains(CommissionErrorCodes.InvalidPeerBonus, error.Message, StringComparison.Ordinal);
        Assert.Contains("Commissions:Plan:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_that_does_not_parse_is_named_by_its_path()
    {
        var values = Plan();
        values["Commissions:Plan:Ranks:0:DifferentialRate"] = "five";
        using var provider = Provider(values);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Commissions:Plan:Ranks:0:DifferentialRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_and_exclusions_of_the_combined_plan_bind_from_configuration_and_reach_its_levels_only_plan()
    {
        var values = Plan();
        values["Commissions:Plan:ProductOverrides:course:0:Rate"] = "20%";
        values["Commissions:Plan:ProductOverrides:course:1:FixedAmount"] = "8.00 CNY";
        values["Commissions:Plan:TierOverrides:VIP:0:Rate"] = "12%";
        values["Commissions:Plan:ExcludedProducts:0"] = "trial-class";
        values["Commissions:Plan:ExcludedOrderKinds:0"] = "GroupBuy";
        using var provider = Provider(values);
        provider.GetRequiredService<IStartupValidator>().Validate();

        var plan = provider.GetRequiredService<CommissionPlan>();

        Assert.Equal(Rate.FromPercent(20), plan.ScheduleFor("course").Rewards[0].Rate);
        Assert.Equal(Money.Cny(8m), plan.ScheduleFor("course").Rewards[1].FixedAmount);
        Assert.Equal<RewardSource>(new[] { RewardSource.Product, RewardSource.Product }, plan.ScheduleFor("course").Sources);
        Assert.Equal(Rate.FromPercent(12), plan.ScheduleFor(ladderTier: "VIP").Rewards[0].Rate);
        Assert.Equal(["trial-class"], plan.ExcludedProducts);
        Assert.Equal(["GroupBuy"], plan.ExcludedOrderKinds);
        Assert.Contains("trial-class", plan.ScheduleFor("trial-class").Exclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_override_value_is_named_by_its_path_and_an_override_of_more_levels_than_the_plan_fails_at_start_up()
    {
        var unparsable = Plan();
        unparsable["Commissions:Plan:ProductOverrides:course:1:Rate"] = "half";
        using var bad = Provider(unparsable);
        var tooMany = Plan();
        tooMany["Commissions:Plan:TierOverrides:VIP:0:Rate"] = "3%";
        tooMany["Commissions:Plan:TierOverrides:VIP:1:Rate"] = "3%";
        tooMany["Commissions:Plan:TierOverrides:VIP:2:Rate"] = "3%";
        using var long_ = Provider(tooMany);

        var parse = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IStartupValidator>().Validate());
        var levels = Assert.Throws<OptionsValidationException>(() => long_.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Commissions:Plan:ProductOverrides:course:1:Rate", parse.Message, StringComparison.Ordinal);
        Assert.Contains("TierOverrides:VIP has 3 level(s) but the plan has 2", levels.Message, StringComparison.Ordinal);
        Assert.Contains(CommissionErrorCodes.InvalidPlan, levels.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_built_in_code_is_validated_the_same_way()
    {
        using var provider = new ServiceCollection()
            .AddCommissions(c => c
                .Plan("team", p => p.Level(Rate.FromPercent(10)).Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).PeerBonus(Rate.FromPercent(1)))
                .Run(r => r.MaxDegreeOfParallelism = 1))
            .BuildServiceProvider();
        using var mismatched = new ServiceCollection()
            .AddCommissions(c => c.Plan("usd", p => p.Rank("R1", Rate.FromPercent(5))).Ledger(l => l.Currency = Currency.CNY))
            .Configure<CommissionsOptions>(o => o.Plan.Currency = Currency.USD)
            .BuildServiceProvider();

        Assert.Equal(2, provider.GetRequiredService<CommissionPlan>().Ladder.Count);
        Assert.Equal(1, provider.GetRequiredService<IOptions<CommissionsOptions>>().Value.Run.MaxDegreeOfParallelism);
        Assert.Contains("the plan pays in USD", Assert.Throws<OptionsValidationException>(() => mismatched.GetRequiredService<IStartupValidator>().Validate()).Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> WithRoles()
    {
        var values = Plan();
        values["Commissions:Plan:Roles:0:Role"] = "division";
        values["Commissions:Plan:Roles:0:Rate"] = "2%";
        values["Commissions:Plan:Roles:1:Role"] = "agent";
        values["Commissions:Plan:Roles:1:Amount"] = "5.00 CNY";
        values["Commissions:Plan:Roles:2:Role"] = "sales";
        values["Commissions:Plan:Roles:2:Mode"] = "Marginal";
        values["Commissions:Plan:Roles:2:Bands:0:From"] = "0.00 CNY";
        values["Commissions:Plan:Roles:2:Bands:0:Rate"] = "3%";
        values["Commissions:Plan:Roles:2:Bands:1:From"] = "10000.00 CNY";
        values["Commissions:Plan:Roles:2:Bands:1:Rate"] = "5%";
        return values;
    }

    [Fact]
    public void Roles_bind_from_configuration_in_their_listed_order_with_rates_amounts_and_bands()
    {
        using var provider = Provider(WithRoles());
        provider.GetRequiredService<IStartupValidator>().Validate();

        var plan = provider.GetRequiredService<CommissionPlan>();

        Assert.Equal(["team/role-division", "team/role-agent", "team/staff-sales"], plan.Roles.Select(r => r.Rule));
        Assert.Equal((Rate.FromPercent(2), Money.Cny(5m)), (plan.Roles[0].Share!.Rate!.Value, plan.Roles[1].Share!.FixedAmount!.Value));
        var sales = plan.Roles[2].Schedule!;
        Assert.Equal(StaffBandMode.Marginal, sales.Mode);
        Assert.Equal([Money.Cny(0m), Money.Cny(10_000m)], sales.Bands.Select(b => b.From));
        Assert.Equal([Rate.FromPercent(3), Rate.FromPercent(5)], sales.Bands.Select(b => b.Rate));
    }

    [Fact]
    public void A_role_value_that_does_not_parse_is_named_by_its_path()
    {
        var values = WithRoles();
        values["Commissions:Plan:Roles:0:Rate"] = "two";
        values["Commissions:Plan:Roles:1:Amount"] = "five";
        values["Commissions:Plan:Roles:2:Mode"] = "Steps";
        values["Commissions:Plan:Roles:2:Bands:1:From"] = "lots";
        values["Commissions:Plan:Roles:2:Bands:1:Rate"] = "more";
        using var provider = Provider(values);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        foreach (var path in new[] { "Roles:0:Rate", "Roles:1:Amount", "Roles:2:Mode", "Roles:2:Bands:1:From", "Roles:2:Bands:1:Rate" })
        {
            Assert.Contains($"Commissions:Plan:{path} is", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bad_role_fails_at_start_up_with_its_code_and_setting()
    {
        var values = WithRoles();
        values["Commissions:Plan:Roles:1:Rate"] = "1%";
        values["Commissions:Plan:Roles:2:Role"] = "division";
        values["Commissions:Plan:Roles:2:Bands:1:From"] = "0.00 CNY";
        using var provider = Provider(values);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Commissions:Plan: Roles:1 ('agent') sets Rate and Amount", error.Message, StringComparison.Ordinal);
        Assert.Contains("Commissions:Plan: Roles:2:Role 'division' repeats Roles:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Commissions:Plan: Roles:2:Bands:1:From is ¥0.00, the same as Bands:0", error.Message, StringComparison.Ordinal);
        Assert.Contains(CommissionErrorCodes.InvalidRole, error.Message, StringComparison.Ordinal);
    }
}
