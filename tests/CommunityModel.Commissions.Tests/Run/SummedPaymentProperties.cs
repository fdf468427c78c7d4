using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Rules;
using CommunityModel.Referrals;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Run;

/// <summary>
/// The totals-only run of a plan whose every line is a rate of the base (sums per buyer, one walk per buyer) against
/// the same run writing its lines (order by order, the calculator's lines): the same totals per member and kind, rule-kind
/// totals, line count and retained amount, whatever the threads, the memory budget and the bases (tiny, huge, zero).
/// </summary>
public class SummedPaymentProperties
{
    /// <summary>
    /// Plans without cap, roles or fixed amounts, rounded down, with a peer bonus of the base: zero to three levels, one to four
    /// ranks, per-rank or per-generation peer rates, compression or forfeit, promoters only or everyone, self-purchase, a
    /// personal volume to earn. Plans whose rates could exceed the base are refused by validation and left out.
    /// </summary>
    private static Gen<CommissionPlan> LinearPlan =>
        Gen.Choose(0, 3).SelectMany(levels => Gen.Choose(0, 1500).ArrayOf(levels)).SelectMany(levelBps =>
            Gen.Choose(1, 4).SelectMany(count => Gen.Choose(1, 1000).ArrayOf(count)).SelectMany(rankSteps =>
                Gen.Choose(-1, 900).SelectMany(peerBps =>
                    Gen.Choose(1, 3).SelectMany(generations =>
                        Gen.Choose(0, 63).Select(flags =>
                        {
                            var builder = new CommissionPlanBuilder("summed").SellerEarnsOwnRank((flags & 1) != 0)
                                .PayToDepth(Math.Max(1, levelBps.Length) + ((flags >> 1) & 3)).PaySelfPurchase((flags & 8) != 0)
                                .WhenUplineIneligible((flags & 16) != 0 ? IneligibleUplinePolicy.Compress : IneligibleUplinePolicy.Forfeit)
                                .EarnersAre((flags & 32) != 0 ? EarnerEligibility.DesignatedPromoters : EarnerEligibility.EveryMember);
                            if (flags % 7 == 0)
                            {
                                builder.EarnersNeedPersonalVolume(Money.FromMinorUnits(50_000, Currency.CNY));
                            }

                            foreach (var bp in levelBps)
                            {
                                builder.Level(Rate.FromBasisPoints(bp));
                            }

                            var byGeneration = peerBps >= 0 && peerBps % 3 == 1;
                            var rate = 0;
                            for (var i = 0; i < rankSteps.Length; i++)
                            {
                                rate += rankSteps[i];
                                var step = rankSteps[i];
                                builder.Rank($"R{i + 1}", Rate.FromBasisPoints(rate), r => r.PeerRate = !byGeneration && step % 5 == 0 ? Rate.Zero : null);
                            }

                            if (byGeneration)
                            {
                                builder.PeerBonusByGeneration(PeerBonusBasis.OfBase, [.. Enumerable.Range(1, generations).Select(g => Rate.FromBasisPoints(peerBps / g))]);
                            }
                            else if (peerBps >= 0)
                            {
                                builder.PeerBonus(Rate.FromBasisPoints(peerBps), PeerBonusBasis.OfBase, generations);
                            }

                            return CommissionPlan.Validate(builder.ToOptions()).IsEmpty ? builder.Build() : null;
                        })))))
        .Where(plan => plan is not null && RateTerms.For(plan) is not null).Select(plan => plan!);

    /// <summary>A plan, a roster, ranks, up to 60 orders (bases from zero to a few fen, ordinary, or beyond 2^48 fen), a thread count and a budget.</summary>
    private static Arbitrary<(EarnerRoster Earners, MemberRanks Ranks, CommissionPlan Plan, int[] Buyers, long[] Bases, int Threads, bool Shared)> Runs =>
        CommissionGenerators.Roster.SelectMany(roster => LinearPlan.SelectMany(plan =>
            TeamGenerators.RanksOver(roster.Network, plan.Ladder).SelectMany(ranks =>
                Gen.Choose(0, roster.Network.Count - 1).SelectMany(buyer => Gen.Choose(0, 600_000).Select(fen => (buyer, fen))).ArrayOf().SelectMany(picks =>
                    Gen.Choose(1, 4).SelectMany(threads => Gen.Elements(true, false).Select(shared =>
                    {
                        var orders = picks.Take(60).ToArray();
                        var bases = orders.Select(p => p.fen % 4 == 0 ? p.fen % 40 : p.fen % 101 == 0 ? (1L << 48) + p.fen : p.fen).ToArray();
                        return (roster, ranks, plan, orders.Select(p => p.buyer).ToArray(), bases, threads, shared);
                    }))))))
        .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Totals_summed_per_buyer_equal_the_totals_of_paying_order_by_order() =>
        Prop.ForAll(Runs, r =>
        {
            var batch = new OrderBatch(r.Buyers, r.Bases);
            var byOrder = new CommissionRun(r.Plan).PayBatch(r.Ranks, batch, r.Earners, new CollectingSink());
            var summed = new CommissionRun(r.Plan, new CommissionRunOptions { MaxDegreeOfParallelism = r.Threads }) { WorkerTotalsBudget = r.Shared ? 0 : 512L << 20 }
                .PayBatch(r.Ranks, batch, r.Earners);

            var kinds = Enum.GetValues<CommissionRuleKind>();
            return Enumerable.Range(0, r.Earners.Network.Count).All(i => kinds.All(k => summed.EarnedAt(i, k) == byOrder.EarnedAt(i, k)))
                && kinds.All(k => summed.TotalPaidFor(k) == byOrder.TotalPaidFor(k))
                && summed.LineCount == byOrder.LineCount
                && summed.TotalPaid == byOrder.TotalPaid
                && summed.CompanyRetained == byOrder.CompanyRetained
                && summed.CappedOrders == 0 && byOrder.CappedOrders == 0;
        });

    [Fact]
    public void A_plan_of_levels_ranks_and_a_peer_bonus_of_the_base_is_summed_and_a_capped_one_is_paid_order_by_order()
    {
        CommissionPlanBuilder Team() => new CommissionPlanBuilder("team")
            .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10))
            .PeerBonus(Rate.FromPercent(2), PeerBonusBasis.OfBase, generations: 1);

        var terms = RateTerms.For(Team().Build());

        Assert.NotNull(terms);
        Assert.Equal([10UL, 5, 3, 2], terms.Mantissas.Order().Reverse()); // 10%, 5%, 3% levels, the 5% and 10% ranks shared, 2% peer: hundredths
        Assert.Equal(2, terms.Scale);
        Assert.Equal(50, terms.MinBase); // 2% is the smallest rate or step: ⌊50 × 2%⌋ = 1 fen
        Assert.Null(RateTerms.For(Team().CapPayoutAt(Rate.FromPercent(30)).Build()));
        Assert.Null(RateTerms.For(Team().RoundWith(RoundingMode.HalfUp).Build()));
        Assert.Null(RateTerms.For(new CommissionPlanBuilder("fixed").Level(Money.FromMinorUnits(100, Currency.CNY)).Build()));
    }

    [Fact]
    public void A_worked_example_pays_the_same_sums_whether_summed_or_paid_order_by_order()
    {
        // A ← B ← C: C buys twice (¥100.05, and 15 fen: below the 20 fen at which 5% is a whole fen) and B once (¥10.00).
        // Levels 10% / 5%: B earns ⌊10,005 × 10%⌋ = 1,000 + ⌊15 × 10%⌋ = 1; A earns ⌊10,005 × 5%⌋ = 500 + ⌊15 × 5%⌋ = 0 (no line) + ⌊1,000 × 10%⌋ = 100.
        var network = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2)]);
        var plan = new CommissionPlanBuilder("two").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Build();
        var ranks = MemberRanks.Create(network, plan.Ladder, new byte[3]);
        var batch = new OrderBatch(new[] { 2, 2, 1 }, new long[] { 10_005, 15, 1_000 });

        var result = new CommissionRun(plan).PayBatch(ranks, batch);

        Assert.NotNull(RateTerms.For(plan));
        Assert.Equal(20, RateTerms.For(plan)!.MinBase);
        Assert.Equal(1_001, result.EarnedBy(new MemberId(2)).MinorUnits);
        Assert.Equal(600, result.EarnedBy(new MemberId(1)).MinorUnits);
        Assert.Equal(4, result.LineCount); // only lines above zero are written: the 15 fen order writes one
        Assert.Equal(11_020 - 1_601, result.CompanyRetained.MinorUnits);
    }
}
