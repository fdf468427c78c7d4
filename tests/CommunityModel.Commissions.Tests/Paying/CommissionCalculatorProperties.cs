using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Paying;

public class CommissionCalculatorProperties
{
    private static OrderCommission Pay(TeamScenario s) => new CommissionCalculator(s.Plan).Calculate(s.Order, s.Ranks, s.Earners);

    [Property(MaxTest = 1000)]
    public Property Money_is_conserved_with_every_rule_combined_lines_plus_retained_equal_the_base() =>
        Prop.ForAll(TeamScenarios.Scenarios, s => TeamChecks.Conserves(Pay(s)));

    [Property(MaxTest = 1000)]
    public Property The_differential_of_a_sale_never_exceeds_the_top_rate_times_the_base_and_rates_rise_up_the_walk() =>
        Prop.ForAll(TeamScenarios.Scenarios, s =>
        {
            var differential = Pay(s).Lines.Where(l => l.Kind == CommissionRuleKind.Differential).ToArray();
            var total = differential.Sum(l => l.UncappedAmount.Amount);
            var rates = differential.Select(l => l.Rank!.DifferentialRate).ToArray();
            var roundsDown = s.Plan.Rounding == RoundingMode.Down;
            return (!roundsDown || total <= Money.FromMinorUnits(s.Plan.BaseOf(s.Order), Currency.CNY).Amount * s.Plan.Ladder.TopRate.Fraction)
                && total <= Money.FromMinorUnits(s.Plan.BaseOf(s.Order), Currency.CNY).Multiply(s.Plan.Ladder.TopRate, s.Plan.Rounding).Amount
                && rates.Zip(rates.Skip(1)).All(p => p.First < p.Second);
        });

    [Property(MaxTest = 1000)]
    public Property A_peer_bonus_pays_at_most_N_generations_per_holder_each_of_the_holders_rank() =>
        Prop.ForAll(TeamScenarios.Scenarios, s =>
        {
            var peers = Pay(s).Lines.Where(l => l.Kind == CommissionRuleKind.Peer).ToArray();
            return peers.All(l => l.Ordinal >= 1 && l.Ordinal <= s.Plan.PeerGenerations && l.Rank == s.Ranks.RankOf(l.PeerOf!.Value))
                && peers.GroupBy(l => (l.PeerOf, l.Rank)).All(g => g.Count() <= s.Plan.PeerGenerations && g.Select(l => l.Ordinal).Distinct().Count() == g.Count());
        });

    [Property(MaxTest = 1000)]
    public Property The_cap_is_respected_exactly_when_it_binds_and_untouched_lines_keep_their_amounts() =>
        Prop.ForAll(TeamScenarios.Scenarios, s => TeamChecks.CapIsExact(Pay(s), s.Plan.PayoutCap));

    [Property(MaxTest = 1000)]
    public Property The_span_path_writes_exactly_the_explained_lines_of_every_rule_in_compact_form() =>
        Prop.ForAll(TeamScenarios.Scenarios, s =>
        {
            var order = s.Order with { Roles = s.Order.Roles.Clear() };   // the span path fills no role
            var calculator = new CommissionCalculator(s.Plan);
            var explained = calculator.Calculate(order, s.Ranks, s.Earners);
            var network = s.Ranks.Network;
            var compact = new CommissionRunLine[s.Plan.MaxLinesPerOrder];
            var count = calculator.Calculate(s.Plan.ScheduleFor(order.ProductId, order.LadderTier, order.Kind), network.IndexOf(order.Buyer), explained.Base.MinorUnits, s.Earners, compact, s.Ranks);
            return compact[..count].Select(l => (l.Kind, (int)l.Ordinal, network.MemberAt(l.Beneficiary), l.Amount, l.UncappedAmount, l.Capped))
                .SequenceEqual(explained.Lines.Select(l => (l.Kind, l.Ordinal, l.Beneficiary, l.Amount.MinorUnits, l.UncappedAmount.MinorUnits, l.Capped)));
        });
}
