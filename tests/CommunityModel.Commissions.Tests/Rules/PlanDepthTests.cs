using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Rules;

public class PlanDepthTests
{
    // 1 ── 2 ── 3 ── … ── 10 (buyer): member k is 10 − k generations above the buyer.
    private static readonly NetworkSnapshot TenChain = NetworkSnapshot.Create([.. Enumerable.Range(1, 10).Select(k => new ReferralLink(k, k == 1 ? default : new MemberId(k - 1)))]);

    private static CommissionPlan Plan(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("law").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Rank("R3", Rate.FromPercent(15)).Rank("R4", Rate.FromPercent(20))
            .PeerBonus(Rate.FromPercent(2));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static OrderCommission Pay(CommissionPlan plan, params (long Member, string Rank)[] ranks) =>
        new CommissionCalculator(plan).Calculate(
            new CommissionableOrder("o-1", 10, Money.Cny(1000m)),
            MemberRanks.Create(TenChain, plan.Ladder, ranks.Select(r => KeyValuePair.Create(new MemberId(r.Member), r.Rank))));

    private static (string Rule, long Member, decimal Amount)[] Lines(OrderCommission result) =>
        [.. result.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount))];

    [Fact]
    public void A_top_rank_eight_generations_above_the_buyer_earns_nothing_under_a_three_generation_plan()
    {
        var result = Pay(Plan(), (2, "R4"));

        // Levels 10/5/3% to 9, 8, 7; member 2 holds R4 at depth 8: beyond the plan's depth, so no differential.
        Assert.Equal([("law/level-1", 9, 100m), ("law/level-2", 8, 50m), ("law/level-3", 7, 30m)], Lines(result));
        Assert.Equal(Money.Cny(820m), result.CompanyRetained);
    }

    [Fact]
    public void A_plan_declaring_eight_generations_pays_the_same_top_rank()
    {
        var result = Pay(Plan(b => b.PayToDepth(8)), (2, "R4"));

        Assert.Equal(("law/differential", 2L, 200m), Lines(result)[^1]);
    }

    [Fact]
    public void The_differential_and_peer_walks_stop_at_the_plans_depth()
    {
        // 9 (depth 1) R1, 7 (depth 3) R2, 6 (depth 4) R2 peer and 5 (depth 5) R4: only 9 and 7 are within three generations.
        var result = Pay(Plan(), (9, "R1"), (7, "R2"), (6, "R2"), (5, "R4"));

        Assert.Equal(
            [("law/level-1", 9, 100m), ("law/level-2", 8, 50m), ("law/level-3", 7, 30m), ("law/differential", 9, 50m), ("law/differential", 7, 50m)],
            Lines(result));
    }

    [Fact]
    public void The_sellers_own_rank_on_its_own_sale_is_depth_zero_and_paid()
    {
        var plan = new CommissionPlanBuilder("law").Rank("R2", Rate.FromPercent(10)).Rank("R4", Rate.FromPercent(20)).PayToDepth(1).Build();

        var result = Pay(plan, (10, "R2"), (8, "R4"));

        // The seller's own 10% is depth 0; 8 (R4) is two generations above the buyer, beyond a one-generation plan.
        Assert.Equal([("law/differential", 10, 100m)], Lines(result));
    }

    [Fact]
    public void Compressing_past_ineligible_uplines_never_reaches_beyond_the_plans_depth()
    {
        var plan = Plan(b => b.WhenUplineIneligible(IneligibleUplinePolicy.Compress));
        var earners = EarnerRoster.Create(TenChain, [KeyValuePair.Create(new MemberId(8), EarnerStatus.Suspended), KeyValuePair.Create(new MemberId(7), EarnerStatus.Inactive)]);

        var result = new CommissionCalculator(plan).Calculate(new CommissionableOrder("o-1", 10, Money.Cny(1000m)), MemberRanks.None(TenChain, plan.Ladder), earners);

        // 9 takes level 1; 8 and 7 may not earn and are compressed past; 6 would be level 2 at depth 4: beyond the depth.
        Assert.Equal([("law/level-1", 9, 100m)], Lines(result));
    }
}
