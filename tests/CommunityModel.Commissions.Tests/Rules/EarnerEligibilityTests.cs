using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Rules;

public class EarnerEligibilityTests
{
    // 1 ── 2 ── 3 ── 4 ── 5 (buyer). Ranks: 4 R1 (5%), 3 R1, 2 R2 (10%), 1 R2.
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]);

    private static CommissionPlan Plan(Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("elig").PayToDepth(4).Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5))
            .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).PeerBonus(Rate.FromPercent(2));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static MemberRanks Ranks(CommissionPlan plan) =>
        MemberRanks.Create(Chain, plan.Ladder, [KeyValuePair.Create(new MemberId(4), "R1"), KeyValuePair.Create(new MemberId(3), "R1"), KeyValuePair.Create(new MemberId(2), "R2"), KeyValuePair.Create(new MemberId(1), "R2")]);

    private static EarnerRoster Roster(params (long Member, EarnerStatus Status)[] statuses) =>
        EarnerRoster.Create(Chain, statuses.Select(s => KeyValuePair.Create(new MemberId(s.Member), s.Status)));

    private static (string Rule, long Member, decimal Amount)[] Lines(OrderCommission result) =>
        [.. result.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount))];

    private static OrderCommission Pay(CommissionPlan plan, EarnerRoster earners) =>
        new CommissionCalculator(plan).Calculate(new CommissionableOrder("o-1", 5, Money.Cny(1000m)), Ranks(plan), earners);

    [Fact]
    public void Everyone_active_pays_levels_differential_and_peers_as_the_worked_example()
    {
        var result = Pay(Plan(), EarnerRoster.AllActive(Chain));

        Assert.Equal(
            [("elig/level-1", 4, 100m), ("elig/level-2", 3, 50m), ("elig/differential", 4, 50m), ("elig/peer-1", 3, 20m), ("elig/differential", 2, 50m), ("elig/peer-1", 1, 20m)],
            Lines(result));
    }

    [Fact]
    public void Under_a_promoters_only_plan_a_non_promoter_is_invisible_to_the_differential_and_peer_walks()
    {
        // 4 and 2 are not promoters: 3 (R1) takes the first differential, 1 (R2) the rest; no one is a peer of a paid holder.
        var plan = Plan(b => b.EarnersAre(EarnerEligibility.DesignatedPromoters).WhenUplineIneligible(IneligibleUplinePolicy.Compress));

        var result = Pay(plan, Roster((3, EarnerStatus.Promoter), (1, EarnerStatus.Promoter)));

        Assert.Equal([("elig/level-1", 3, 100m), ("elig/level-2", 1, 50m), ("elig/differential", 3, 50m), ("elig/differential", 1, 50m)], Lines(result));
    }

    [Fact]
    public void Under_a_promoters_only_plan_a_non_promoter_peer_earns_no_peer_bonus()
    {
        // Everyone but 3 is a promoter: 4 holds R1, 3 would be its peer but is not a promoter; 2 (R2) and its peer 1 earn.
        var plan = Plan(b => b.EarnersAre(EarnerEligibility.DesignatedPromoters));

        var result = Pay(plan, Roster((4, EarnerStatus.Promoter), (2, EarnerStatus.Promoter), (1, EarnerStatus.Promoter)));

        Assert.Equal([("elig/level-1", 4, 100m), ("elig/differential", 4, 50m), ("elig/differential", 2, 50m), ("elig/peer-1", 1, 20m)], Lines(result));
        Assert.Equal(new ForfeitedLevel(2, 3, EarnerStatus.None), Assert.Single(result.Forfeited));
    }

    [Fact]
    public void A_suspended_peer_earns_no_peer_bonus_and_an_inactive_holder_is_passed_by()
    {
        // 3 (the peer of 4) is suspended; 2 (R2) is inactive, so 1 (R2) takes the differential from 5% to 10% and is nobody's peer.
        var result = Pay(Plan(), Roster((3, EarnerStatus.Suspended), (2, EarnerStatus.Inactive)));

        Assert.Equal([("elig/level-1", 4, 100m), ("elig/differential", 4, 50m), ("elig/differential", 1, 50m)], Lines(result));
    }

    [Fact]
    public void A_member_below_the_personal_volume_to_earn_is_unqualified_and_earns_under_no_rule()
    {
        // Volume to earn ¥500: 4 sold ¥200, the others ¥600 or more. Forfeit: 4's level 1 goes to the company; 4's R1 is skipped so 3 takes the differential.
        var plan = Plan(b => b.EarnersNeedPersonalVolume(Money.Cny(500m)));
        var volumes = PeriodVolumes.FromEntries(Chain, Currency.CNY, [VolumeEntry.Sale(4, Money.Cny(200m)), VolumeEntry.Sale(3, Money.Cny(600m)), VolumeEntry.Sale(2, Money.Cny(600m)), VolumeEntry.Sale(1, Money.Cny(900m)), VolumeEntry.Sale(5, Money.Cny(1000m))]);
        var earners = EarnerRoster.AllActive(Chain).Qualify(volumes, plan);

        var result = Pay(plan, earners);

        Assert.Equal(EarnerStatus.Unqualified, earners.StatusOf(4));
        Assert.Equal(EarnerStatus.None, earners.StatusOf(3));
        Assert.Equal([("elig/level-2", 3, 50m), ("elig/differential", 3, 50m), ("elig/differential", 2, 50m), ("elig/peer-1", 1, 20m)], Lines(result));
        Assert.Equal(new ForfeitedLevel(1, 4, EarnerStatus.Unqualified), Assert.Single(result.Forfeited));
    }

    [Fact]
    public void Under_compression_an_unqualified_upline_is_compressed_past()
    {
        var plan = Plan(b => b.EarnersNeedPersonalVolume(Money.Cny(500m)).WhenUplineIneligible(IneligibleUplinePolicy.Compress));
        var volumes = PeriodVolumes.FromEntries(Chain, Currency.CNY, [VolumeEntry.Sale(3, Money.Cny(600m)), VolumeEntry.Sale(2, Money.Cny(600m)), VolumeEntry.Sale(1, Money.Cny(600m))]);

        var result = Pay(plan, EarnerRoster.AllActive(Chain).Qualify(volumes, plan));

        Assert.Equal([("elig/level-1", 3, 100m), ("elig/level-2", 2, 50m)], Lines(result).Take(2));
        Assert.Equal([4L], result.Lines[0].CompressedPast.Select(m => m.Value));
    }

    [Fact]
    public void The_month_end_run_qualifies_earners_from_the_volumes_it_sums_and_pays_the_calculators_lines()
    {
        var plan = Plan(b => b.EarnersNeedPersonalVolume(Money.Cny(500m)));
        CommissionableOrder[] orders =
        [
            new("o-1", 5, Money.Cny(1000m)), new("o-2", 3, Money.Cny(600m)), new("o-3", 2, Money.Cny(600m)), new("o-4", 1, Money.Cny(900m)), new("o-5", 4, Money.Cny(200m)),
        ];
        var sink = new CommunityModel.Commissions.Tests.Run.CollectingSink();

        var run = new CommissionRun(plan).Execute(EarnerRoster.AllActive(Chain), orders, sink: sink);

        var earners = EarnerRoster.AllActive(Chain).Qualify(run.Volumes!, plan);
        var calculator = new CommissionCalculator(plan);
        var expected = orders.SelectMany((o, k) => calculator.Calculate(o, run.Ranks, earners).Lines.Select(l => (k, l.Beneficiary.Value, l.Rule, l.Amount.MinorUnits)))
            .OrderBy(l => l.k).ToArray();
        var actual = sink.Lines.Select(l => (l.Order, Chain.MemberAt(l.Beneficiary).Value, plan.RuleId(l.Kind, l.Ordinal), l.Amount)).OrderBy(l => l.Order).ToArray();
        Assert.Equal(expected.Select(e => e.ToString()).Order(), actual.Select(a => a.ToString()).Order());
        Assert.DoesNotContain(actual, l => l.Item2 == 4);
    }
}
