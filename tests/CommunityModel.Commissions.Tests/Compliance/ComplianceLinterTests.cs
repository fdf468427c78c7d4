using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Staff;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Compliance;

public class ComplianceLinterTests
{
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3)]);
    private readonly ComplianceLinter _linter = new();

    private static CommissionPlan ThreeLevels(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("standard").Level(Rate.FromPercent(20)).Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static CommissionPlan Team(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Rank("R3", Rate.FromPercent(15)).Rank("R4", Rate.FromPercent(20))
            .PeerBonus(Rate.FromPercent(2));
        configure?.Invoke(builder);
        return builder.Build();
    }

    [Fact]
    public void A_combined_plan_is_team_compensation_and_pays_up_to_levels_plus_top_differential_plus_peer()
    {
        var findings = _linter.Lint(Team(), ComplianceProfiles.ChinaDirectSelling);

        // Three levels, and a differential and peer bonus walking three generations (the default depth), against one level;
        // levels 10 + 5 + 3 = 18%, top differential 20%, one peer generation 2%: up to 40% of an order against a 30% cap.
        Assert.Equal(
            [(ComplianceCodes.TooManyLevels, "Levels"), (ComplianceCodes.TooManyLevels, "Differential"), (ComplianceCodes.TooManyLevels, "Peer"),
             (ComplianceCodes.TeamCompensation, "Levels"), (ComplianceCodes.TeamCompensation, "Ranks"), (ComplianceCodes.PlanPayoutOverCap, "Ranks")],
            findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains("rank differential 级差 and peer bonus 平级奖", findings[4].Message, StringComparison.Ordinal);
        Assert.Contains("up to 40% of an order", findings[5].Message, StringComparison.Ordinal);
        Assert.Empty(_linter.Lint(Team(), "china-three-level-distribution"));
    }

    [Fact]
    public void A_combined_plans_own_cap_bounds_what_it_can_pay_and_a_peer_bonus_of_the_differential_counts_as_its_share_of_the_top_rate()
    {
        Assert.DoesNotContain(_linter.Lint(Team(b => b.CapPayoutAt(Rate.FromPercent(30))), ComplianceProfiles.ChinaDirectSelling), f => f.Code == ComplianceCodes.PlanPayoutOverCap);

        var ofDifferential = Team(b => b.PeerBonus(Rate.FromPercent(50), PeerBonusBasis.OfDownlineDifferential, generations: 2));

        // 18% + 20% + 2 × (50% of 20%) = 58%
        Assert.Contains(_linter.Lint(ofDifferential, ComplianceProfiles.ChinaDirectSelling), f => f.Code == ComplianceCodes.PlanPayoutOverCap && f.Message.Contains("up to 58%", StringComparison.Ordinal));
    }

    [Fact]
    public void A_three_level_plan_passes_the_three_level_profile_and_fails_the_one_level_platform_profile()
    {
        Assert.Empty(_linter.Lint(ThreeLevels(), "china-three-level-distribution"));

        var findings = _linter.Lint(ThreeLevels(), ComplianceProfiles.PlatformDistribution);

        Assert.Equal([ComplianceCodes.TooManyLevels, ComplianceCodes.TeamCompensation], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.Equal(ComplianceSeverity.Error, f.Severity));
        Assert.Contains("allows 1", findings[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("CM001 Error [platform-distribution] Levels:", findings[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Direct_selling_flags_team_compensation_and_rates_over_30_percent_of_own_sales()
    {
        var plan = ThreeLevels(b => b.ForTier("KA", LevelReward.OfRate(Rate.FromPercent(25))));

        var findings = _linter.Lint(plan, ComplianceProfiles.ChinaDirectSelling);

        Assert.Equal([ComplianceCodes.TooManyLevels, ComplianceCodes.TeamCompensation, ComplianceCodes.PlanPayoutOverCap], findings.Select(f => f.Code));
        Assert.Equal("tier KA", findings[2].Subject);
        Assert.Contains("40%", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commissionable_joining_product_is_both_an_entry_fee_and_pay_for_recruiting()
    {
        var paid = _linter.Lint(ThreeLevels(b => b.JoiningProducts("starter-kit")), ComplianceProfiles.ChinaThreeLevelDistribution);
        var excluded = _linter.Lint(ThreeLevels(b => b.JoiningProducts("starter-kit").ExcludeProducts("starter-kit")), ComplianceProfiles.ChinaThreeLevelDistribution);

        Assert.Equal([ComplianceCodes.EntryFee, ComplianceCodes.RecruitmentPay], paid.Select(f => f.Code));
        Assert.Equal("product starter-kit", paid[1].Subject);
        Assert.Equal(ComplianceCodes.EntryFee, Assert.Single(excluded).Code);
    }

    [Fact]
    public void Joining_products_of_a_plan_with_ranks_are_an_entry_fee_and_pay_for_recruiting_as_on_a_levels_only_plan()
    {
        var ranksOnly = new CommissionPlanBuilder("ranks").Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).JoiningProducts("starter-kit");

        var combined = _linter.Lint(Team(b => b.JoiningProducts("starter-kit")), ComplianceProfiles.ChinaThreeLevelDistribution);
        var differentialOnly = _linter.Lint(ranksOnly.Build(), ComplianceProfiles.ChinaThreeLevelDistribution);
        var excluded = _linter.Lint(ranksOnly.ExcludeProducts("starter-kit").Build(), ComplianceProfiles.ChinaThreeLevelDistribution);

        (string, string)[] both = [(ComplianceCodes.EntryFee, "product starter-kit"), (ComplianceCodes.RecruitmentPay, "product starter-kit")];
        Assert.Equal(both, combined.Select(f => (f.Code, f.Subject)));
        Assert.Equal(both, differentialOnly.Select(f => (f.Code, f.Subject)));
        Assert.Equal(ComplianceCodes.EntryFee, Assert.Single(excluded).Code);
    }

    [Fact]
    public void Fixed_amounts_are_reported_as_only_checkable_in_a_run()
    {
        var plan = new CommissionPlanBuilder("fixed").Level(Money.Cny(50m)).Build();

        var finding = Assert.Single(_linter.Lint(plan, ComplianceProfiles.ChinaDirectSelling));

        Assert.Equal((ComplianceCodes.FixedAmountsNotCapped, ComplianceSeverity.Info), (finding.Code, finding.Severity));
    }

    [Fact]
    public void A_finished_run_is_checked_per_earner_against_own_sales_and_overall()
    {
        var calculator = new CommissionCalculator(new CommissionPlanBuilder("p").Level(Rate.FromPercent(25)).Level(Rate.FromPercent(10)).Build());
        var run = new[]
        {
            calculator.Calculate(new CommissionableOrder("a", 4, Money.Cny(1000m)), Chain),
            calculator.Calculate(new CommissionableOrder("b", 3, Money.Cny(1000m)), Chain),
        };

        var summary = PayoutSummary.FromRun(run, Currency.CNY);
        var findings = _linter.CheckRun(summary, "china-direct-selling");

        // Member 2 sold 1,000 directly (to member 3) for 250, and earned 100 more on member 4's purchase two levels down: 35% of its own sales.
        Assert.Equal([(1L, 0m, 100m), (2L, 1000m, 350m), (3L, 1000m, 250m)], summary.Earners.Select(e => (e.Member.Value, e.OwnSales.Amount, e.Paid.Amount)));
        Assert.Equal(Rate.FromPercent(35), summary.OverallRatio);
        Assert.Equal(
            [(ComplianceCodes.EarnerPayoutOverCap, "member 1"), (ComplianceCodes.EarnerPayoutOverCap, "member 2"), (ComplianceCodes.RunPayoutOverCap, "run")],
            findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains("no own sales", findings[0].Message, StringComparison.Ordinal);
        Assert.Empty(_linter.CheckRun(summary, ComplianceProfiles.ChinaThreeLevelDistribution));
    }

    [Fact]
    public void Integrators_add_their_own_profiles_as_data_and_bad_profiles_or_names_are_errors()
    {
        var own = new ComplianceProfile { Name = "house-rules", MaxLevels = 2, PayoutCap = Rate.FromPercent(50), Severity = ComplianceSeverity.Warning };
        var linter = new ComplianceLinter([own]);

        var finding = Assert.Single(linter.Lint(ThreeLevels(), "house-rules"));

        Assert.Equal((ComplianceCodes.TooManyLevels, ComplianceSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Equal(4, linter.Profiles.Count);
        Assert.Equal(CommissionErrorCodes.InvalidComplianceProfile, Assert.Throws<CommissionException>(() => linter.Lint(ThreeLevels(), "nope")).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidComplianceProfile, Assert.Throws<CommissionException>(() => new ComplianceLinter([own with { PayoutCap = Rate.FromPercent(130) }])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidComplianceProfile, Assert.Throws<CommissionException>(() => new ComplianceLinter([own with { MaxLevels = -1 }])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidComplianceProfile, Assert.Throws<CommissionException>(() => new ComplianceLinter([own with { Name = "" }])).ErrorCode);
    }

    [Fact]
    public void Role_and_staff_pay_is_employee_pay_and_does_not_count_toward_the_profiles_payout_cap()
    {
        static void Roles(CommissionPlanBuilder b) => b.Role("division", Rate.FromPercent(20)).Role("agent", Money.Cny(50m))
            .Role("sales", StaffBandMode.WholeVolume, new StaffBand(Money.Cny(0m), Rate.FromPercent(10)));

        // Capped at 30%, the distributors' pay is within the profile with or without 30% more to employees.
        var within = _linter.Lint(Team(b => Roles(b.CapPayoutAt(Rate.FromPercent(30)))), ComplianceProfiles.ChinaDirectSelling);
        Assert.DoesNotContain(within, f => f.Code == ComplianceCodes.PlanPayoutOverCap);
        Assert.Equal(
            _linter.Lint(Team(), ComplianceProfiles.ChinaDirectSelling).Select(f => (f.Code, f.Message)),
            _linter.Lint(Team(b => Roles(b)), ComplianceProfiles.ChinaDirectSelling).Select(f => (f.Code, f.Message)));

        // A plan of levels and roles alone is checked on its levels only.
        var levelsAndRoles = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Role("division", Rate.FromPercent(40)).Build();
        Assert.Empty(_linter.Lint(levelsAndRoles, ComplianceProfiles.ChinaDirectSelling));
    }
}
