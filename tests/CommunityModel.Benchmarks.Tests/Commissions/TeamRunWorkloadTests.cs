using CommunityModel.Commissions.Plans;
using CommunityModel.Benchmarks.Commissions;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Referrals;

namespace CommunityModel.Benchmarks.Tests.Commissions;

public class TeamRunWorkloadTests
{
    // A(rank 4) ← F(2) ← B(2) ← C(2) ← D(none) ← E(1, the seller); ids 1..6 = A, F, B, C, D, E, pre-order indices 0..5.
    private static TeamRunWorkload Chain(long baseFen) => TeamRunWorkload.Create(
        NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4), new(6, 5)]),
        [4, 2, 2, 2, 0, 1],
        [5],
        [baseFen]);

    [Fact]
    public void Kernel_pays_levels_then_cumulative_differential_and_one_peer_generation_rounded_down()
    {
        // Base ¥123.45. Levels: D 10% = 12.34, C 5% = 6.17, B 3% = 3.70.
        // Differential (cumulative): E R(5%) = 6.17; C R(10%) - 6.17 = 6.17; A R(20%) - 12.34 = 12.35 (sum 24.69 = R(20%)).
        // Peer: B is C's first same-rank upline: R(2%) = 2.46; F is the second, beyond one generation: nothing.
        var workload = Chain(12_345);
        var totals = new long[6];

        TeamPlanKernel.Pay(workload.Parents(), workload.Ranks, workload.Buyers, workload.Bases, totals);

        Assert.Equal([1_235L, 0, 370 + 246, 617 + 617, 1_234, 617], totals);
    }

    [Fact]
    public void Naive_code_pays_the_same_worked_example_in_decimal_yuan()
    {
        var totals = new NaiveTeamRun(Chain(12_345)).Run();

        Assert.Equal(12.35m, totals[1]);
        Assert.False(totals.ContainsKey(2));
        Assert.Equal(6.16m, totals[3]);
        Assert.Equal(12.34m, totals[4]);
        Assert.Equal(12.34m, totals[5]);
        Assert.Equal(6.17m, totals[6]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Kernel_and_naive_code_pay_every_member_the_same_total_on_a_generated_network(int seed)
    {
        var workload = TeamRunWorkload.Generate(members: 3_000, orders: 30_000, seed);
        var kernel = new long[workload.Network.Count];

        TeamPlanKernel.Pay(workload.Parents(), workload.Ranks, workload.Buyers, workload.Bases, kernel);
        var naive = new NaiveTeamRun(workload).Run();

        Assert.True(kernel.Sum() > 0);
        for (var i = 0; i < kernel.Length; i++)
        {
            Assert.Equal(kernel[i], (long)(naive.GetValueOrDefault(workload.Network.MemberAt(i).Value) * 100m));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_library_engine_pays_every_member_the_same_total_as_the_kernel(int seed)
    {
        var workload = TeamRunWorkload.Generate(members: 3_000, orders: 30_000, seed);
        var plan = TeamPlan.Plan();
        var kernel = new long[workload.Network.Count];

        TeamPlanKernel.Pay(workload.Parents(), workload.Ranks, workload.Buyers, workload.Bases, kernel);
        var engine = new CommissionRun(plan).PayBatch(MemberRanks.Create(workload.Network, plan.Ladder, workload.Ranks), new OrderBatch(workload.Buyers, workload.Bases));

        Assert.Equal(kernel.Sum(), engine.TotalPaid.MinorUnits);
        for (var i = 0; i < kernel.Length; i++)
        {
            Assert.Equal(kernel[i], engine.EarnedBy(workload.Network.MemberAt(i)).MinorUnits);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_kernel_over_the_orders_in_buyer_order_pays_every_member_the_same_total(int seed)
    {
        var workload = TeamRunWorkload.Generate(members: 3_000, orders: 30_000, seed);
        var sorted = workload.InBuyerOrder();
        var parents = workload.Parents();

        Assert.True(sorted.Buyers.Zip(sorted.Buyers.Skip(1)).All(p => p.First <= p.Second));
        Assert.Equal(workload.Buyers.Select((b, o) => (b, workload.Bases[o])).OrderBy(p => p.b), sorted.Buyers.Zip(sorted.Bases));
        Assert.Equal(TeamPlanKernel.Run(workload, parents, new long[workload.Network.Count]), TeamPlanKernel.Run(sorted, parents, new long[workload.Network.Count]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_baseline_groups_like_the_engine_and_pays_every_member_the_engines_total(int seed)
    {
        // The month-end benchmarks' baseline (counting sort by buyer, then the kernel) computes what the engine computes.
        var workload = TeamRunWorkload.Generate(members: 5_000, orders: 50_000, seed);
        var plan = TeamPlan.Plan();
        var (buyers, bases, totals) = (new int[workload.Buyers.Length], new long[workload.Bases.Length], new long[workload.Network.Count]);

        TeamPlanKernel.GroupByBuyer(workload.Buyers, workload.Bases, new int[workload.Network.Count + 1], buyers, bases);
        TeamPlanKernel.Pay(workload.Parents(), workload.Ranks, buyers, bases, totals);
        var engine = new CommissionRun(plan).PayBatch(MemberRanks.Create(workload.Network, plan.Ladder, workload.Ranks), new OrderBatch(workload.Buyers, workload.Bases));

        var sorted = workload.InBuyerOrder();
        Assert.Equal(sorted.Buyers, buyers);
        Assert.Equal(sorted.Bases, bases);
        Assert.Equal(engine.TotalPaid.MinorUnits, totals.Sum());
        Assert.Equal(Enumerable.Range(0, totals.Length).Select(i => engine.EarnedAt(i, CommissionRuleKind.Level).MinorUnits + engine.EarnedAt(i, CommissionRuleKind.Differential).MinorUnits + engine.EarnedAt(i, CommissionRuleKind.Peer).MinorUnits), totals);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_summed_per_buyer_kernel_pays_every_member_the_engines_total(int seed)
    {
        // The engine's own algorithm by hand (sums per buyer, one walk per buyer) pays what the engine pays, member by member.
        var workload = TeamRunWorkload.Generate(members: 5_000, orders: 50_000, seed);
        var plan = TeamPlan.Plan();
        var totals = new long[workload.Network.Count];

        TeamPlanKernel.PaySummedPerBuyer(workload.Parents(), workload.Ranks, workload.Buyers, workload.Bases, new int[workload.Network.Count + 1], new long[workload.Bases.Length], totals);
        var engine = new CommissionRun(plan).PayBatch(MemberRanks.Create(workload.Network, plan.Ladder, workload.Ranks), new OrderBatch(workload.Buyers, workload.Bases));

        Assert.True(totals.Count(t => t > 0) > workload.Network.Count / 2);
        Assert.Equal(engine.TotalPaid.MinorUnits, totals.Sum());
        Assert.Equal(Enumerable.Range(0, totals.Length).Select(i => engine.EarnedAt(i, CommissionRuleKind.Level).MinorUnits + engine.EarnedAt(i, CommissionRuleKind.Differential).MinorUnits + engine.EarnedAt(i, CommissionRuleKind.Peer).MinorUnits), totals);
    }

    [Fact]
    public void The_summed_per_buyer_kernel_pays_the_worked_example()
    {
        var workload = Chain(12_345);
        var totals = new long[workload.Network.Count];

        TeamPlanKernel.PaySummedPerBuyer(workload.Parents(), workload.Ranks, workload.Buyers, workload.Bases, new int[workload.Network.Count + 1], new long[workload.Bases.Length], totals);

        Assert.Equal([1_235L, 0, 370 + 246, 617 + 617, 1_234, 617], totals);
    }

    [Fact]
    public void The_library_engine_pays_the_worked_example_like_the_kernel()
    {
        var workload = Chain(12_345);
        var plan = TeamPlan.Plan();

        var engine = new CommissionRun(plan).PayBatch(MemberRanks.Create(workload.Network, plan.Ladder, workload.Ranks), new OrderBatch(workload.Buyers, workload.Bases));

        Assert.Equal([1_235L, 0, 370 + 246, 617 + 617, 1_234, 617], Enumerable.Range(0, 6).Select(i => engine.EarnedBy(workload.Network.MemberAt(i)).MinorUnits));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_qualification_kernel_gives_every_member_the_engines_rank(int seed)
    {
        // 20 orders a member (about ¥36,000 personal volume each) on 20,000 members: every rank of the rules is reached.
        var workload = TeamRunWorkload.Generate(members: 20_000, orders: 400_000, seed);

        var kernel = RankQualificationKernel.Qualify(workload.Parents(), workload.Buyers, workload.Bases);
        var (_, engine) = new CommissionRun(TeamPlan.QualifyingPlan()).QualifyRanks(workload.Network, new OrderBatch(workload.Buyers, workload.Bases));

        Assert.Equal(Enumerable.Range(0, kernel.Length).Select(engine.LevelAt), kernel.Select(r => (int)r));
        Assert.Equal(5, kernel.Distinct().Count());
    }

    [Fact]
    public void The_generator_is_deterministic_skewed_and_about_thirty_deep_at_a_million_members()
    {
        var first = TeamRunWorkload.Generate(members: 1_000_000, orders: 1_000);
        var again = TeamRunWorkload.Generate(members: 1_000_000, orders: 1_000);
        var network = first.Network;

        var maxDepth = Enumerable.Range(0, network.Count).Max(network.DepthAt);
        var widest = Enumerable.Range(0, network.Count).Max(i => network.DirectReferrals(network.MemberAt(i)).Length);
        var rankShares = Enumerable.Range(0, 5).Select(r => first.Ranks.Count(x => x == r) / (double)network.Count).ToArray();

        Assert.Equal<ReferralLink>(first.Network.ToLinks(), again.Network.ToLinks());
        Assert.Equal(first.Buyers, again.Buyers);
        Assert.InRange(maxDepth, 20, 40);
        Assert.InRange(widest, 100, network.Count);
        Assert.Equal([0.60, 0.25, 0.10, 0.04, 0.01], rankShares.Select(s => Math.Round(s, 2)));
        Assert.All(first.Bases, b => Assert.InRange(b, 990, 360_000));
    }
}
