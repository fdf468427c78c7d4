using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Compliance;

public class OrganisationScaleProperties
{
    [Property(MaxTest = 1000)]
    public Property A_network_counts_every_member_once_and_a_run_counts_fewer_no_deeper_than_the_network() =>
        Prop.ForAll(TeamScenarios.RoleScenarios, s =>
        {
            var network = s.Earners.Network;
            var calculator = new CommissionCalculator(s.Plan);
            var run = s.Month.Select(o => calculator.Calculate(o, s.Ranks, s.Earners, s.Volumes)).ToArray();
            var ofNetwork = OrganisationScale.OfNetwork(network);
            var ofRun = OrganisationScale.OfRun(network, run);
            var deepest = Enumerable.Range(0, network.Count).Max(network.DepthAt) + 1;
            static bool Distributor(CommissionLine l) => l.Kind is not (CommissionRuleKind.Staff or CommissionRuleKind.Role) && l.Amount.IsPositive;
            var earners = run.SelectMany(r => r.Lines).Where(Distributor).Select(l => l.Beneficiary);
            var buyers = run.Where(r => r.Lines.Any(Distributor)).Select(r => r.Buyer);

            return ofNetwork.Sum(o => o.Participants) == network.Count
                && ofNetwork.Max(o => o.Levels) == deepest
                && ofRun.Sum(o => o.Participants) == earners.Concat(buyers).Distinct().Count()
                && ofRun.All(o => o.Levels >= 1 && o.Levels <= deepest && o.Participants >= 1);
        });
}
