using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Tests.Generators;

namespace CommunityModel.Commissions.Tests.Ranks;

public class RankLadderTests
{
    [Fact]
    public void A_ladder_lists_ranks_lowest_first_with_levels_from_one_and_its_top_rate()
    {
        var ladder = TeamFixtures.ThreeRanks();

        Assert.Equal(["R1", "R2", "R3"], ladder.Ranks.Select(r => r.Code));
        Assert.Equal(2, ladder[2].Level);
        Assert.Equal(Rate.FromPercent(15), ladder.TopRate);
        Assert.Equal("R1 (Leader)", ladder[1].ToString());
        Assert.Equal(1, ladder[3].LegLevel);
        Assert.True(ladder.TryFind("R3", out var r3));
        Assert.Equal(2, r3.MinQualifiedLegs);
        Assert.False(ladder.TryFind("R9", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ladder[0]);
        Assert.Equal(Rate.Zero, RankLadder.Empty(Currency.CNY).TopRate);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 5)]
    public void Differential_rates_that_do_not_strictly_increase_are_refused_as_unordered(int lower, int higher)
    {
        var error = Assert.Throws<CommissionPlanException>(() => RankLadder.Create(
            Currency.CNY,
            new RankOptions { Code = "A", DifferentialRate = Rate.FromPercent(lower) },
            new RankOptions { Code = "B", DifferentialRate = Rate.FromPercent(higher) }));

        Assert.Equal(CommissionErrorCodes.RanksUnordered, error.ErrorCode);
        Assert.Contains("strictly increasing", error.Message);
    }

    [Fact]
    public void Every_malformed_rank_is_named_with_its_code()
    {
        var problems = RankLadder.Validate(Currency.CNY,
        [
            new RankOptions { Code = "", DifferentialRate = Rate.FromPercent(1) },
            new RankOptions { Code = "B", DifferentialRate = Rate.FromPercent(120), PeerRate = Rate.FromPercent(-1) },
            new RankOptions { Code = "B", DifferentialRate = Rate.FromPercent(130), MinTeamVolume = Money.Usd(1m), MinDirectReferrals = -1, LegRank = "Z" },
        ]);

        Assert.All(problems, p => Assert.Equal(CommissionErrorCodes.InvalidRank, p.Code));
        Assert.Equal(8, problems.Length); // both B rates are above 100%
        Assert.Contains(problems, p => p.Message.Contains("has no Code"));
        Assert.Contains(problems, p => p.Message.Contains("more than once"));
        Assert.Contains(problems, p => p.Message.Contains("DifferentialRate is 120%"));
        Assert.Contains(problems, p => p.Message.Contains("PeerRate is -1%"));
        Assert.Contains(problems, p => p.Message.Contains("MinTeamVolume"));
        Assert.Contains(problems, p => p.Message.Contains("MinDirectReferrals"));
        Assert.Contains(problems, p => p.Message.Contains("LegRank 'Z'"));
    }

    [Fact]
    public void More_ranks_than_the_ladder_holds_are_refused()
    {
        var ranks = Enumerable.Range(1, RankLadder.MaxRanks + 1).Select(i => new RankOptions { Code = $"R{i}", DifferentialRate = Rate.FromBasisPoints(i) }).ToArray();

        var error = Assert.Throws<CommissionPlanException>(() => RankLadder.Create(Currency.CNY, ranks));
        Assert.Equal(CommissionErrorCodes.InvalidRank, error.ErrorCode);
    }
}
