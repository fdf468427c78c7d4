using CommunityModel.Commissions;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Demo.Tests;

public sealed class CommissionSetupTests : IDisposable
{
    private const string LeaderRebate = "groupbuy/leader-rebate"; // a reward of the campaign month, paid under any plan

    private readonly string _directory = Directory.CreateTempSubdirectory("demo-plans-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_team_plan_file_is_the_built_in_plan()
    {
        var file = CommissionSetup.Load(Path.Combine(AppContext.BaseDirectory, "plans", "team.json"));
        var builtIn = CommissionSetup.Default();
        var (a, b) = (builtIn.Plan, file.Plan);
        Assert.Equal(a.Name, b.Name);
        Assert.Equal(a.Levels.Select(l => (l.Rate, l.FixedAmount)), b.Levels.Select(l => (l.Rate, l.FixedAmount)));
        Assert.Equal(
            a.Ladder.Ranks.Select(r => (r.Code, r.Name, r.DifferentialRate, r.PeerRate, r.MinPersonalVolume, r.MinTeamVolume, r.MinDirectReferrals, r.MinQualifiedLegs, r.LegRank)),
            b.Ladder.Ranks.Select(r => (r.Code, r.Name, r.DifferentialRate, r.PeerRate, r.MinPersonalVolume, r.MinTeamVolume, r.MinDirectReferrals, r.MinQualifiedLegs, r.LegRank)));
        Assert.Equal((a.PeerRate, a.PeerBasis, a.PeerGenerations, a.PayoutCap), (b.PeerRate, b.PeerBasis, b.PeerGenerations, b.PayoutCap));
        Assert.Equal((a.Qualifier.Retention, a.Qualifier.SplitOff, a.SellerEarnsOwnRank, a.Rounding), (b.Qualifier.Retention, b.Qualifier.SplitOff, b.SellerEarnsOwnRank, b.Rounding));
        Assert.Equal(builtIn.Plan.ExcludedProducts.Order(), file.Plan.ExcludedProducts.Order());
        Assert.Equal((builtIn.Ledger.FreezePeriod, builtIn.Ledger.MinimumWithdrawal, builtIn.Ledger.WithdrawalFee), (file.Ledger.FreezePeriod, file.Ledger.MinimumWithdrawal, file.Ledger.WithdrawalFee));
        Assert.Equal("from team.json", file.Source);
        Assert.Equal("team", file.Plan.Name);
    }

    [Fact]
    public void The_levels_only_plan_file_is_a_plan_with_one_rule()
    {
        var file = CommissionSetup.Load(Path.Combine(AppContext.BaseDirectory, "plans", "three-level.json"));
        var builtIn = CommissionSetup.Default();
        Assert.Equal(0, file.Plan.Ladder.Count);
        Assert.Equal("three-level", file.Plan.Name);
        // Compared by value: LevelReward's record equality also compares how the rate was written ("10%" vs FromPercent(10)).
        Assert.Equal(builtIn.Plan.Levels.Select(l => (l.Rate, l.FixedAmount)), file.Plan.Levels.Select(l => (l.Rate, l.FixedAmount)));
        Assert.Equal(builtIn.Plan.ExcludedProducts.Order(), file.Plan.ExcludedProducts.Order());
        Assert.Equal(builtIn.Plan.IneligibleUpline, file.Plan.IneligibleUpline);
        Assert.Equal(builtIn.Plan.Rounding, file.Plan.Rounding);
        Assert.Equal((builtIn.Ledger.FreezePeriod, builtIn.Ledger.MinimumWithdrawal, builtIn.Ledger.WithdrawalFee), (file.Ledger.FreezePeriod, file.Ledger.MinimumWithdrawal, file.Ledger.WithdrawalFee));
        Assert.Equal("from three-level.json", file.Source);
        var report = CommunityYear.Run(new DemoOptions { Members = 200, Months = 3 }, file);
        Assert.Contains(report.CommissionByRule, r => r.Rule == "three-level/level-1");
        Assert.All(report.CommissionByRule.Where(r => r.Rule != LeaderRebate), r => Assert.StartsWith("three-level/level-", r.Rule, StringComparison.Ordinal)); // besides the group-buy leader rebate
        Assert.Equal([CommissionRuleKind.Level], report.CommissionByKind.Select(k => k.Kind));
        Assert.Empty(report.RanksAtEnd);
    }

    [Fact]
    public void A_team_plan_with_unordered_ranks_is_refused_naming_the_setting_and_the_code()
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Write("""
            { "Commissions": {
                "Plan": { "Levels": [ { "Rate": "10%" } ],
                  "Ranks": [ { "Code": "leader", "DifferentialRate": "15%" }, { "Code": "promoter", "DifferentialRate": "5%" } ] } } }
            """)));
        Assert.Contains("Commissions:Plan", e.Message, StringComparison.Ordinal);
        Assert.Contains(CommissionErrorCodes.RanksUnordered, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_plan_setting_that_does_not_parse_is_named_by_its_path()
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Write("""
            { "Plan": { "Levels": [ { "Rate": "10%" } ],
                "Ranks": [ { "Code": "promoter", "DifferentialRate": "five percent" } ], "PeerBonus": { "Rate": "2%", "Generations": 4 } } }
            """)));
        Assert.Contains("Plan:Ranks:0:DifferentialRate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_team_plan_is_flagged_as_team_compensation_by_the_direct_selling_profile()
    {
        var setup = CommissionSetup.Default();
        var findings = setup.Lint(setup.Linter.Profiles["china-direct-selling"]);
        Assert.Contains(findings, f => f.Code == ComplianceCodes.TeamCompensation && f.Subject == "Ranks" && f.Message.Contains("级差", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == ComplianceCodes.PlanPayoutOverCap && f.Message.Contains("40%", StringComparison.Ordinal));
        Assert.DoesNotContain(setup.Lint(setup.Linter.Profiles["china-three-level-distribution"]), f => f.Code == ComplianceCodes.TeamCompensation);
    }

    [Fact]
    public void The_direct_selling_example_passes_its_profile_for_the_plan_and_for_the_run()
    {
        var setup = CommissionSetup.Load(Path.Combine(AppContext.BaseDirectory, "plans", "direct-selling.json"));
        var report = CommunityYear.Run(new DemoOptions { Members = 300, Months = 6 }, setup);

        Assert.Equal(["direct-selling/level-1", LeaderRebate], report.CommissionByRule.Select(r => r.Rule));
        Assert.Empty(report.PlanCompliance.Single(p => p.Profile.Name == "china-direct-selling").Findings);
        Assert.Empty(report.RunCompliance.Single(p => p.Profile.Name == "china-direct-selling").Findings);
        Assert.True(report.PayoutRatio!.Value <= Rate.FromPercent(20));
    }

    [Fact]
    public void The_section_may_stand_at_the_root_and_bring_its_own_compliance_profile()
    {
        var file = Write("""
            { "Plan": { "Name": "house", "Levels": [ { "Rate": "12%" }, { "FixedAmount": "5.00 CNY" } ], "TierOverrides": { "ka": [ { "Rate": "8%" } ] } },
              "ComplianceProfiles": [ { "Name": "house-rules", "MaxLevels": 2, "PayoutCap": "25%" } ] }
            """);
        var setup = CommissionSetup.Load(file);
        Assert.Equal("house", setup.Plan.Name);
        Assert.Equal(2, setup.Plan.Levels.Length);
        Assert.Equal(Rate.FromPercent(25), setup.Linter.Profiles["house-rules"].PayoutCap);
        Assert.True(setup.Linter.Profiles.ContainsKey("china-direct-selling"));
    }

    [Fact]
    public void A_plan_file_with_a_misspelt_key_is_refused_naming_the_nearest_key()
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Write("""
            { "Plan": { "Levels": [ { "Rate": "10%" } ], "PayoutCapp": "30%" },
              "Ledger": { "FreezPeriod": "7.00:00:00" } }
            """)));
        Assert.Contains("Plan:PayoutCapp is not a setting; did you mean Plan:PayoutCap?", e.Message, StringComparison.Ordinal);
        Assert.Contains("Ledger:FreezPeriod is not a setting; did you mean Ledger:FreezePeriod?", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("10")]
    public void A_plan_file_rate_without_its_unit_is_refused_saying_so(string rate)
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Write($$"""
            { "Plan": { "Levels": [ { "Rate": "{{rate}}" } ] } }
            """)));
        Assert.Contains($"Plan:Levels:0:Rate is '{rate}', a bare number: write the rate with its unit, e.g. '{rate}%' or '{rate}‰'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Path.Combine(_directory, "nowhere.json")));
        Assert.Contains("nowhere.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_json_is_refused()
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Write("{ \"Plan\": { \"Levels\": [ ")));
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_plan_is_refused()
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Write("""{ "Commissions": { "Ledger": { "FreezePeriod": "7.00:00:00" } } }""")));
        Assert.Contains("no \"Plan\" section", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_with_four_levels_is_refused_as_the_application_would_refuse_it()
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Write("""
            { "Commissions": { "Plan": { "Levels": [ { "Rate": "10%" }, { "Rate": "5%" }, { "Rate": "3%" }, { "Rate": "1%" } ] } } }
            """)));
        Assert.Contains("Commissions:Plan", e.Message, StringComparison.Ordinal);
        Assert.Contains("4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_that_does_not_parse_is_named_by_its_path()
    {
        var e = Assert.Throws<PlanFileException>(() => CommissionSetup.Load(Write("""{ "Plan": { "Levels": [ { "Rate": "ten percent" } ] } }""")));
        Assert.Contains("ten percent", e.Message, StringComparison.Ordinal);
        Assert.Contains("Levels", e.Message, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
