using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Rules;

/// <summary>A rule writes no line that pays nothing: not a rate that rounds to no fen, not a level above one that took the whole base.</summary>
public class NothingLeftToPayTests
{
    // 1 ── 2 ── 3 ── 4 ── 5 (buyer). Ranks: 4 R1 (5%), 3 R1, 2 R2 (10%), 1 R2.
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]);

    private static MemberRanks Ranks(CommissionPlan plan) =>
        MemberRanks.Create(Chain, plan.Ladder, [KeyValuePair.Create(new MemberId(4), "R1"), KeyValuePair.Create(new MemberId(3), "R1"), KeyValuePair.Create(new MemberId(2), "R2"), KeyValuePair.Create(new MemberId(1), "R2")]);

    [Fact]
    public void An_order_too_small_for_any_rate_to_pay_a_fen_writes_no_lines_and_the_company_keeps_it()
    {
        var plan = new CommissionPlanBuilder("small").PayToDepth(4).Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5))
            .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).PeerBonus(Rate.FromPercent(2)).Build();

        // ¥0.04: 10% is 0.4 fen, 5% and the differentials 0.2 fen each, the peer bonus 0.08 fen: each rounds to nothing.
        var result = new CommissionCalculator(plan).Calculate(new CommissionableOrder("o-1", 5, Money.Cny(0.04m)), Ranks(plan), EarnerRoster.AllActive(Chain));

        Assert.Empty(result.Lines);
        Assert.Equal(Money.Cny(0.04m), result.CompanyRetained);
    }

    [Fact]
    public void A_level_that_takes_the_whole_base_ends_the_walk_so_no_level_above_it_is_forfeited()
    {
        var plan = new CommissionPlanBuilder("fixed").PayToDepth(4).Level(Money.Cny(1000m)).Level(Rate.FromPercent(5)).Rank("R1", Rate.FromPercent(5)).Build();
        var earners = EarnerRoster.Create(Chain, [KeyValuePair.Create(new MemberId(3), EarnerStatus.Suspended)]);

        var result = new CommissionCalculator(plan).Calculate(new CommissionableOrder("o-1", 5, Money.Cny(1000m)), MemberRanks.None(Chain, plan.Ladder), earners);

        Assert.Equal([("fixed/level-1", 4L, 1000m)], result.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount)));
        Assert.Empty(result.Forfeited);
        Assert.Equal(Money.Cny(0m), result.CompanyRetained);
    }
}
