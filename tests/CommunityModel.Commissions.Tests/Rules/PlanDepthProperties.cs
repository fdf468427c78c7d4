using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Rules;

public class PlanDepthProperties
{
    /// <summary>Generations from the buyer up to a member: 0 for the buyer, 1 for its sponsor; -1 when the member is not above it.</summary>
    private static int DepthAbove(NetworkSnapshot network, int buyer, int member)
    {
        var depth = 0;
        for (var u = buyer; u >= 0; u = network.ParentAt(u), depth++)
        {
            if (u == member)
            {
                return depth;
            }
        }

        return -1;
    }

    [Property(MaxTest = 1000)]
    public Property No_line_pays_a_member_deeper_than_the_plans_depth_and_only_the_sellers_own_differential_or_self_purchase_is_depth_zero() =>
        Prop.ForAll(TeamScenarios.Scenarios, s =>
        {
            var network = s.Earners.Network;
            var buyer = network.IndexOf(s.Order.Buyer);
            var lines = new CommissionCalculator(s.Plan).Calculate(s.Order, s.Ranks, s.Earners).Lines;
            return lines.Where(l => l.Kind is not (CommissionRuleKind.Role or CommissionRuleKind.Staff)).All(l =>
            {
                var depth = DepthAbove(network, buyer, network.IndexOf(l.Beneficiary));
                var lowest = (l.Kind == CommissionRuleKind.Differential && s.Plan.SellerEarnsOwnRank) || (l.Kind == CommissionRuleKind.Level && l.Level == 1 && s.Plan.SelfPurchase) ? 0 : 1;
                return depth >= lowest && depth <= s.Plan.MaxDepth;
            }).Label($"depth {s.Plan.MaxDepth}: {string.Join(", ", lines.Select(l => $"{l.Rule}->{l.Beneficiary}"))}");
        });
}
