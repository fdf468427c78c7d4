using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Compliance;

public class RuleDepthTests
{
    private readonly ComplianceLinter _linter = new();

    private static CommissionPlanBuilder FourRanks(string name) => new CommissionPlanBuilder(name)
        .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Rank("R3", Rate.FromPercent(15)).Rank("R4", Rate.FromPercent(20));

    [Fact]
    public void A_three_level_plan_whose_differential_and_peer_walk_eight_generations_breaks_the_three_level_limit()
    {
        var plan = FourRanks("deep").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .PeerBonus(Rate.FromPercent(2)).PayToDepth(8).Build();

        var findings = _linter.Lint(plan, ComplianceProfiles.ChinaThreeLevelDistribution);

        Assert.Equal([(ComplianceCodes.TooManyLevels, "Differential"), (ComplianceCodes.TooManyLevels, "Peer")], findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains("8 generations", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("allows 3", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("级差", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("平级奖", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_differential_walking_exactly_the_profiles_depth_passes_and_one_more_generation_is_reported()
    {
        var atLimit = FourRanks("at-limit").PayToDepth(3).Build();
        var over = FourRanks("over").PayToDepth(4).Build();

        Assert.Empty(_linter.Lint(atLimit, ComplianceProfiles.ChinaThreeLevelDistribution));
        var finding = Assert.Single(_linter.Lint(over, ComplianceProfiles.ChinaThreeLevelDistribution));
        Assert.Equal((ComplianceCodes.TooManyLevels, "Differential"), (finding.Code, finding.Subject));
        Assert.Contains("4 generations", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_walk_no_upline_and_report_no_depth()
    {
        var plan = new CommissionPlanBuilder("staff").Role("division", Rate.FromPercent(5)).PayToDepth(20).Build();

        Assert.Empty(_linter.Lint(plan, ComplianceProfiles.ChinaThreeLevelDistribution));
    }
}
