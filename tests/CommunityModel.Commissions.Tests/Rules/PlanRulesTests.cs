using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Rules;

namespace CommunityModel.Commissions.Tests.Rules;

/// <summary>
/// How a plan's rules describe themselves to the paths that read them: only a levels-only plan writes its lines straight
/// from the level walk, only levels and ranks make every line a rate of the base (what the month-end run's rate terms
/// need), and a peer line's rate is its generation's own when the plan sets one, else its rank's.
/// </summary>
public class PlanRulesTests
{
    [Fact]
    public void Only_levels_alone_take_the_level_walks_path_and_only_levels_and_ranks_pay_rates_of_the_base_alone()
    {
        var levels = new CommissionPlanBuilder("levels").Level(Rate.FromPercent(10)).Build();
        var levelsAndRanks = new CommissionPlanBuilder("ranked").Level(Rate.FromPercent(10)).Rank("R1", Rate.FromPercent(5)).Build();
        var ranks = new CommissionPlanBuilder("ranks").Rank("R1", Rate.FromPercent(5)).Build();
        var withRole = new CommissionPlanBuilder("role").Level(Rate.FromPercent(10)).Role("division", Rate.FromPercent(2)).Build();
        var withCap = new CommissionPlanBuilder("capped").Level(Rate.FromPercent(10)).CapPayoutAt(Rate.FromPercent(8)).Build();

        Assert.Equal(
            [(true, true), (false, true), (false, true), (false, false), (false, false)],
            new[] { levels, levelsAndRanks, ranks, withRole, withCap }.Select(p => (p.Kernel.Rules.LevelsOnly, p.Kernel.Rules.PaysOnlyLevelsAndRanks)));
    }

    [Fact]
    public void A_peer_line_pays_its_generations_own_rate_when_the_plan_sets_one_else_its_ranks_rate()
    {
        var byGeneration = new CommissionPlanBuilder("gen").Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10))
            .PeerBonusByGeneration(PeerBonusBasis.OfBase, Rate.FromPercent(3), Rate.FromPercent(2)).Build();
        var byRank = new CommissionPlanBuilder("rank").Rank("R1", Rate.FromPercent(5), r => r.PeerRate = Rate.FromPercent(4)).Rank("R2", Rate.FromPercent(10))
            .PeerBonus(Rate.FromPercent(1), generations: 2).Build();

        var generation = byGeneration.Kernel.Rules.Ranks;
        var rank = byRank.Kernel.Rules.Ranks;

        Assert.Equal([Rate.FromPercent(3), Rate.FromPercent(2), Rate.FromPercent(2)], new[] { generation.PeerRate(1, 1), generation.PeerRate(2, 1), generation.PeerRate(2, 2) }.Select(f => f.Rate));
        Assert.Equal([Rate.FromPercent(4), Rate.FromPercent(4), Rate.FromPercent(1)], new[] { rank.PeerRate(1, 1), rank.PeerRate(2, 1), rank.PeerRate(1, 2) }.Select(f => f.Rate));
    }
}
