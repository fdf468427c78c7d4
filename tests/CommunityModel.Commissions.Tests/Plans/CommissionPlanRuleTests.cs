using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Plans;

public class CommissionPlanRuleTests
{
    private static CommissionPlanBuilder Valid() => new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10));

    private static CommissionPlanException Refused(Action<CommissionPlanBuilder> configure)
    {
        var builder = Valid();
        configure(builder);
        return Assert.Throws<CommissionPlanException>(builder.Build);
    }

    [Fact]
    public void A_plan_names_its_rules_and_knows_how_many_lines_an_order_can_have()
    {
        var plan = Valid().PeerBonus(Rate.FromPercent(2), generations: 3).Build();

        Assert.Equal(("team/level-1", "team/differential", "team/peer-3"), (plan.RuleId(CommissionRuleKind.Level, 1), plan.RuleId(CommissionRuleKind.Differential, 0), plan.RuleId(CommissionRuleKind.Peer, 3)));
        Assert.Equal("team/staff-1", plan.RuleId(CommissionRuleKind.Staff, 1));
        Assert.Equal(1 + 2 + (2 * 3), plan.MaxLinesPerOrder);
        Assert.Empty(new CommissionPlanBuilder("diff").Rank("R1", Rate.FromPercent(5)).Build().Levels);
    }

    [Fact]
    public void An_unordered_rank_list_is_refused_with_its_own_code()
    {
        var error = Refused(b => b.Rank("R0", Rate.FromPercent(3)));

        Assert.Equal(CommissionErrorCodes.RanksUnordered, error.ErrorCode);
        Assert.Contains("R0", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_cap_below_zero_or_above_100_percent_is_refused(int percent)
    {
        var error = Refused(b => b.CapPayoutAt(Rate.FromPercent(percent)));

        Assert.Equal(CommissionErrorCodes.InvalidPayoutCap, error.ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidPayoutCap, Assert.Single(error.Problems).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Peer_generations_outside_one_to_three_are_refused(int generations)
    {
        var error = Refused(b => b.PeerBonus(Rate.FromPercent(2), generations: generations));

        Assert.Equal(CommissionErrorCodes.InvalidPeerBonus, error.ErrorCode);
        Assert.Contains($"Generations is {generations}", error.Message);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_own_code()
    {
        var options = Valid().Level(Rate.FromPercent(5)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(5)).ToOptions();
        options.PeerBonus = new PeerBonusOptions { Rate = Rate.FromPercent(120), Basis = (PeerBonusBasis)9, Generations = 1 };
        options.PayoutCap = Rate.FromPercent(150);
        options.RankRetention = (CommunityModel.Commissions.Ranks.RankRetention)7;

        var problems = CommissionPlan.Validate(options);

        Assert.Equal(
            [CommissionErrorCodes.InvalidPlan, CommissionErrorCodes.InvalidPeerBonus, CommissionErrorCodes.InvalidPeerBonus, CommissionErrorCodes.InvalidPayoutCap, CommissionErrorCodes.InvalidPlan],
            problems.Select(p => p.Code));
        Assert.Contains("4 level(s)", problems[0].Message);
        Assert.Equal(CommissionErrorCodes.InvalidPlan, Assert.Throws<CommissionPlanException>(() => CommissionPlan.Create(options)).ErrorCode);
    }
}
