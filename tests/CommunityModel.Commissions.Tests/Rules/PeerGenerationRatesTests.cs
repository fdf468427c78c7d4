using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Rules;
using CommunityModel.Referrals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Commissions.Tests.Rules;

public class PeerGenerationRatesTests
{
    // 1 ── 2 ── 3 ── 4 ── 5 ── 6 (buyer): members 2 to 5 hold R1.
    private static readonly NetworkSnapshot SixChain = NetworkSnapshot.Create([.. Enumerable.Range(1, 6).Select(k => new ReferralLink(k, k == 1 ? default : new MemberId(k - 1)))]);

    private static CommissionPlanBuilder Builder() =>
        new CommissionPlanBuilder("gen").Rank("R1", Rate.FromPercent(5)).PayToDepth(5);

    private static OrderCommission Pay(CommissionPlan plan) =>
        new CommissionCalculator(plan).Calculate(
            new CommissionableOrder("o-1", 6, Money.Cny(1000m)),
            MemberRanks.Create(SixChain, plan.Ladder, [.. Enumerable.Range(2, 4).Select(m => KeyValuePair.Create(new MemberId(m), "R1"))]));

    [Fact]
    public void Each_generation_above_the_holder_earns_its_own_rate_and_the_lines_name_their_generation()
    {
        var result = Pay(Builder().PeerBonusByGeneration(PeerBonusBasis.OfBase, Rate.FromPercent(3), Rate.FromPercent(2), Rate.FromPercent(1)).Build());

        // Member 5 holds R1: differential 5% = ¥50; then 4, 3 and 2 are its first, second and third same-rank generations.
        Assert.Equal(
            [("gen/differential", 5L, 50m, 0), ("gen/peer-1", 4L, 30m, 1), ("gen/peer-2", 3L, 20m, 2), ("gen/peer-3", 2L, 10m, 3)],
            result.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount, l.Generation)));
        Assert.Equal([Rate.FromPercent(3), Rate.FromPercent(2), Rate.FromPercent(1)], result.Lines.Skip(1).Select(l => l.Reward.Rate!.Value));
        Assert.Equal(Money.Cny(890m), result.CompanyRetained);
    }

    [Fact]
    public void A_ranks_own_peer_rate_wins_over_the_plans_and_the_line_names_it()
    {
        var plan = new CommissionPlanBuilder("gen").Rank("R1", Rate.FromPercent(5), r => r.PeerRate = Rate.FromPercent(4)).PayToDepth(5)
            .PeerBonus(Rate.FromPercent(2), generations: 2).Build();

        var result = Pay(plan);

        // Member 5 holds R1: differential ¥50; 4 and 3 are its peers at R1's own 4% (¥40 each), not the plan's 2%.
        Assert.Equal([("gen/differential", 5L, 50m), ("gen/peer-1", 4L, 40m), ("gen/peer-2", 3L, 40m)], result.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount)));
        Assert.Equal([Rate.FromPercent(4), Rate.FromPercent(4)], result.Lines.Skip(1).Select(l => l.Reward.Rate!.Value));
        Assert.Equal(Money.Cny(870m), result.CompanyRetained);
    }

    [Fact]
    public void A_single_rate_still_pays_every_generation_alike()
    {
        var result = Pay(Builder().PeerBonus(Rate.FromPercent(2), generations: 3).Build());

        Assert.Equal([50m, 20m, 20m, 20m], result.Lines.Select(l => l.Amount.Amount));
    }

    [Fact]
    public void Generation_rates_must_be_one_per_generation_in_range_and_not_beside_a_ranks_own_peer_rate()
    {
        var options = Builder().ToOptions();
        options.Ranks[0].PeerRate = Rate.FromPercent(1);
        options.PeerBonus = new PeerBonusOptions { Generations = 2, GenerationRates = [Rate.FromPercent(3), Rate.FromPercent(120), Rate.FromPercent(1)] };

        var problems = CommissionPlan.Validate(options);

        Assert.All(problems, p => Assert.Equal(CommissionErrorCodes.InvalidPeerBonus, p.Code));
        Assert.Contains(problems, p => p.Message.Contains("GenerationRates has 3 rate(s) for 2 generation(s)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("GenerationRates:1 is 120%", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("Ranks:0:PeerRate is 1%", StringComparison.Ordinal));
    }

    [Fact]
    public void Generation_rates_count_in_the_rate_budget_and_the_linters_cap_by_their_sum()
    {
        var tooMuch = Builder().Level(Rate.FromPercent(50)).PeerBonusByGeneration(PeerBonusBasis.OfBase, Rate.FromPercent(30), Rate.FromPercent(20)).ToOptions();
        var plan = Builder().PeerBonusByGeneration(PeerBonusBasis.OfBase, Rate.FromPercent(3), Rate.FromPercent(2), Rate.FromPercent(1)).Build();

        Assert.Contains(CommissionPlan.Validate(tooMuch), p => p.Code == CommissionErrorCodes.RatesExceedBase && p.Message.Contains("105%", StringComparison.Ordinal));
        var finding = Assert.Single(new ComplianceLinter().Lint(plan, new ComplianceProfile { Name = "cap", PayoutCap = Rate.FromPercent(10) }), f => f.Code == ComplianceCodes.PlanPayoutOverCap);
        Assert.Contains("11%", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generation_rates_bind_from_configuration_by_position_and_a_bad_one_is_named_by_its_path()
    {
        static ServiceProvider Provider(Dictionary<string, string?> values) =>
            new ServiceCollection().AddCommissions(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Commissions")).BuildServiceProvider();

        var values = new Dictionary<string, string?>
        {
            ["Commissions:Plan:Name"] = "gen",
            ["Commissions:Plan:Ranks:0:Code"] = "R1",
            ["Commissions:Plan:Ranks:0:DifferentialRate"] = "5%",
            ["Commissions:Plan:PeerBonus:Generations"] = "2",
            ["Commissions:Plan:PeerBonus:GenerationRates:1"] = "1%",
            ["Commissions:Plan:PeerBonus:GenerationRates:0"] = "3%",
        };
        using var provider = Provider(values);
        provider.GetRequiredService<IStartupValidator>().Validate();
        values["Commissions:Plan:PeerBonus:GenerationRates:1"] = "one";
        using var bad = Provider(values);

        Assert.Equal([0.03m, 0.01m], provider.GetRequiredService<CommissionPlan>().PeerGenerationRates.Select(r => r.Fraction));
        Assert.Contains("Commissions:Plan:PeerBonus:GenerationRates:1 is 'one'", Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IStartupValidator>().Validate()).Message, StringComparison.Ordinal);
    }
}
