using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Referrals;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Paying;

public class CommissionCalculatorTests
{
    // 1 ── 2 ── 3 ── 4 ── 5 ── 6 (buyer). Ranks: 1 R4 (20%), 2 and 3 R2 (10%), 4 and 5 R1 (5%), 6 none.
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4), new(6, 5)]);

    private static CommissionPlan Plan(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("team").PayToDepth(5).Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Rank("R3", Rate.FromPercent(15)).Rank("R4", Rate.FromPercent(20))
            .PeerBonus(Rate.FromPercent(2));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static MemberRanks Ranks(CommissionPlan plan, params string[] codes) =>
        MemberRanks.Create(Chain, plan.Ladder, codes.Select((code, i) => KeyValuePair.Create(new MemberId(i + 1), code)).Where(p => p.Value != "-"));

    private static OrderCommission Pay(CommissionPlan plan, decimal amount = 1000m, long buyer = 6, EarnerRoster? earners = null) =>
        new CommissionCalculator(plan).Calculate(new CommissionableOrder("o-1", buyer, Money.Cny(amount)), Ranks(plan, "R4", "R2", "R2", "R1", "R1", "-"), earners);

    private static (string Rule, long Member, decimal Amount)[] Lines(OrderCommission result) =>
        [.. result.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount))];

    [Fact]
    public void Levels_then_the_differential_up_the_ranks_then_a_peer_bonus_to_each_same_rank_upline()
    {
        var result = Pay(Plan());

        // Levels 10/5/3% to 5, 4, 3. Differential: 5 (R1) 5%; 4 is R1 too: peer 2%; 3 (R2) 10% − 5%; 2 is R2 too: peer 2%; 1 (R4) 20% − 10%.
        Assert.Equal(
            [
                ("team/level-1", 5, 100m), ("team/level-2", 4, 50m), ("team/level-3", 3, 30m),
                ("team/differential", 5, 50m), ("team/peer-1", 4, 20m), ("team/differential", 3, 50m), ("team/peer-1", 2, 20m), ("team/differential", 1, 100m),
            ],
            Lines(result));
        Assert.Equal(Money.Cny(580m), result.CompanyRetained);
        Assert.Null(result.Cap);
        var top = result.Lines[^1];
        Assert.Equal((CommissionRuleKind.Differential, 4, "R4"), (top.Kind, top.Ordinal, top.Rank?.Code));
        Assert.Equal(Rate.FromPercent(10), top.Reward.Rate);
        var peer = result.Lines[4];
        Assert.Equal((CommissionRuleKind.Peer, 1, (MemberId?)new MemberId(5)), (peer.Kind, peer.Ordinal, peer.PeerOf));
        Assert.Equal(new CommissionKey("o-1", 4, "team/peer-1"), peer.Key);
        Assert.Equal([4L], result.Lines.Where(l => l.Kind == CommissionRuleKind.Level && l.Ordinal == 2).Select(l => l.Beneficiary.Value));
    }

    [Fact]
    public void When_the_sellers_own_rank_does_not_pay_the_walk_starts_at_its_sponsor()
    {
        var result = Pay(Plan(b => b.SellerEarnsOwnRank(false)), buyer: 5);

        // 5 (R1) buys: 4 (R1) takes the differential as the first rank met, 3 (R2) the rest to 10%, 2 a peer bonus, 1 the rest to 20%.
        Assert.Equal(
            [("team/differential", 4, 50m), ("team/differential", 3, 50m), ("team/peer-1", 2, 20m), ("team/differential", 1, 100m)],
            Lines(result).Where(l => !l.Rule.Contains("level")));
        Assert.Equal(
            [("team/differential", 5, 50m), ("team/peer-1", 4, 20m), ("team/differential", 3, 50m), ("team/peer-1", 2, 20m), ("team/differential", 1, 100m)],
            Lines(Pay(Plan(), buyer: 5)).Where(l => !l.Rule.Contains("level")));
    }

    [Fact]
    public void A_peer_bonus_of_the_downline_differential_pays_the_rate_of_what_the_holder_earned()
    {
        var result = Pay(Plan(b => b.PeerBonus(Rate.FromPercent(10), PeerBonusBasis.OfDownlineDifferential)));

        Assert.Equal([("team/peer-1", 4, 5m), ("team/peer-1", 2, 5m)], Lines(result).Where(l => l.Rule.Contains("peer")));
        Assert.Equal(Money.Cny(50m), result.Lines.First(l => l.Kind == CommissionRuleKind.Peer).Basis);
    }

    [Fact]
    public void Peer_generations_stop_at_the_plans_count_and_reset_when_a_higher_rank_is_met()
    {
        // 1 R2 ── 2 R1 ── 3 R1 ── 4 R1 ── 5 R1 ── 6 buys: 5 holds R1, 4 and 3 are generations 1 and 2, 2 is the third (unpaid), 1 raises to R2.
        var plan = Plan(b => b.PeerBonus(Rate.FromPercent(2), generations: 2));
        var ranks = MemberRanks.Create(Chain, plan.Ladder, [KeyValuePair.Create(new MemberId(1), "R2"), .. new long[] { 2, 3, 4, 5 }.Select(m => KeyValuePair.Create(new MemberId(m), "R1"))]);

        var result = new CommissionCalculator(plan).Calculate(new CommissionableOrder("o-1", 6, Money.Cny(1000m)), ranks);

        Assert.Equal(
            [("team/differential", 5, 50m), ("team/peer-1", 4, 20m), ("team/peer-2", 3, 20m), ("team/differential", 1, 50m)],
            Lines(result).Where(l => !l.Rule.Contains("level")));
    }

    [Fact]
    public void Cumulative_rounding_keeps_the_differential_total_at_the_highest_rate_of_the_base()
    {
        // ¥99.99: 5% is 4.9995 → 4.99; 10% is 9.999 → 9.99, so the R2 line is 9.99 − 4.99 = 5.00, not 4.99.
        var plan = new CommissionPlanBuilder("team").PayToDepth(5).Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Build();
        var ranks = MemberRanks.Create(Chain, plan.Ladder, [KeyValuePair.Create(new MemberId(6), "R1"), KeyValuePair.Create(new MemberId(5), "R2")]);

        var result = new CommissionCalculator(plan).Calculate(new CommissionableOrder("o-1", 6, Money.Cny(99.99m)), ranks);

        Assert.Equal([("team/differential", 6, 4.99m), ("team/differential", 5, 5.00m)], Lines(result));
        Assert.Equal(Money.Cny(90.00m), result.CompanyRetained);
    }

    [Fact]
    public void Equal_or_lower_ranks_without_a_peer_bonus_earn_nothing_and_the_breakage_stays_with_the_company()
    {
        var plan = new CommissionPlanBuilder("team").PayToDepth(5).Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Build();
        var ranks = MemberRanks.Create(Chain, plan.Ladder, [KeyValuePair.Create(new MemberId(5), "R2"), KeyValuePair.Create(new MemberId(4), "R1"), KeyValuePair.Create(new MemberId(3), "R2")]);

        var result = new CommissionCalculator(plan).Calculate(new CommissionableOrder("o-1", 6, Money.Cny(1000m)), ranks);

        Assert.Equal([("team/differential", 5, 100m)], Lines(result));
        Assert.Equal(Money.Cny(900m), result.CompanyRetained);
    }

    [Fact]
    public void A_suspended_member_neither_earns_nor_raises_the_rate_already_paid()
    {
        var earners = EarnerRoster.Create(Chain, [KeyValuePair.Create(new MemberId(3), EarnerStatus.Suspended)]);

        var result = Pay(Plan(), earners: earners);

        // 3 (R2) is passed over: 2 (R2) takes the differential 10% − 5% as the new holder; 3's level 3 is forfeited.
        Assert.Equal<ForfeitedLevel>([new ForfeitedLevel(3, 3, EarnerStatus.Suspended)], result.Forfeited);
        Assert.Equal(
            [
                ("team/level-1", 5, 100m), ("team/level-2", 4, 50m),
                ("team/differential", 5, 50m), ("team/peer-1", 4, 20m), ("team/differential", 2, 50m), ("team/differential", 1, 100m),
            ],
            Lines(result));
    }

    [Fact]
    public void When_the_cap_binds_every_line_is_scaled_to_exactly_the_cap_by_largest_remainder_and_keeps_its_uncapped_amount()
    {
        var result = Pay(Plan(b => b.CapPayoutAt(Rate.FromPercent(40))));

        // ¥420 of lines against a ¥400 cap: shares 400 × w / 420 floored, the 6 fen left go to the largest remainders (.904 ×3, .809 ×2, the first .761).
        Assert.Equal([95.24m, 47.62m, 28.57m, 47.62m, 19.05m, 47.62m, 19.04m, 95.24m], result.Lines.Select(l => l.Amount.Amount));
        Assert.Equal([100m, 50m, 30m, 50m, 20m, 50m, 20m, 100m], result.Lines.Select(l => l.UncappedAmount.Amount));
        Assert.All(result.Lines, l => Assert.True(l.Capped));
        Assert.Equal(Money.Cny(400m), result.Cap);
        Assert.Equal(Money.Cny(600m), result.CompanyRetained);
        Assert.False(Pay(Plan(b => b.CapPayoutAt(Rate.FromPercent(42)))).Lines.Any(l => l.Capped));
    }

    [Fact]
    public void The_result_accrues_in_the_ledger_as_a_commission_with_unique_keys()
    {
        var commission = Pay(Plan());

        Assert.Equal(8, commission.Lines.Select(l => l.Key).Distinct().Count());
        Assert.Equal(Money.Cny(420m), commission.TotalPaid);
        Assert.Equal("team/differential", commission.Lines[3].Rule);
    }

    [Fact]
    public void Ranks_on_another_ladder_or_a_roster_of_another_network_are_refused()
    {
        var plan = Plan();
        var calculator = new CommissionCalculator(plan);
        var order = new CommissionableOrder("o-1", 6, Money.Cny(1m));

        var ladder = Assert.Throws<CommissionException>(() => calculator.Calculate(order, MemberRanks.None(Chain, TeamFixtures.FourRanks())));
        var roster = Assert.Throws<CommissionException>(() => calculator.Calculate(order, MemberRanks.None(Chain, plan.Ladder), EarnerRoster.AllActive(TeamFixtures.SixMembers)));

        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, ladder.ErrorCode);
        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, roster.ErrorCode);
        Assert.Equal(CommissionErrorCodes.OrderCurrency, Assert.Throws<CommissionException>(() => calculator.Calculate(new CommissionableOrder("o", 6, Money.Usd(1m)), MemberRanks.None(Chain, plan.Ladder))).ErrorCode);
        Assert.Throws<ReferralException>(() => calculator.Calculate(new CommissionableOrder("o", 60, Money.Cny(1m)), MemberRanks.None(Chain, plan.Ladder)));
    }
}
