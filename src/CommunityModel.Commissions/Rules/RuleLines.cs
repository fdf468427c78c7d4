using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Rules;

/// <summary>Builds the explained <see cref="CommissionLine"/> of a line paid to a network member, for every rule kind that pays members.</summary>
internal static class RuleLines
{
    /// <summary>The explained line: rule id, beneficiary, rank, reward and amounts in the plan's currency.</summary>
    internal static CommissionLine Explain(CommissionPlan plan, string orderLineId, in PaidLine line, NetworkSnapshot network, Rank? rank, LevelReward reward, System.Collections.Immutable.ImmutableArray<MemberId> compressed, MemberId? peerOf, RewardSource source = RewardSource.Plan)
    {
        var currency = plan.Currency;
        return new CommissionLine(
            orderLineId,
            plan.RuleId(line.Kind, line.Ordinal),
            line.Kind,
            line.Ordinal,
            network.MemberAt(line.Beneficiary),
            rank,
            reward,
            Money.FromMinorUnits(line.Basis, currency),
            Money.FromMinorUnits(line.Amount, currency),
            Money.FromMinorUnits(line.Uncapped, currency),
            line.Capped,
            compressed,
            peerOf)
        {
            Source = source,
        };
    }
}
