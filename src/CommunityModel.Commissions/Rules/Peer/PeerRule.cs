using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// The peer bonus (平级奖) as a rule kind: its validation, its share of the base and its explanation. Its lines are
/// paid by the rank walk of <see cref="DifferentialRule"/>, since a peer is found above the holder of the rank paid below.
/// </summary>
internal static class PeerRule
{
    /// <summary>Adds every rule the peer bonus breaks.</summary>
    internal static void Validate(CommissionPlanOptions options, ImmutableArray<CommissionPlanProblem>.Builder problems)
    {
        if (options.PeerBonus is not { } peer)
        {
            return;
        }

        void Add(string message) => problems.Add(new(CommissionErrorCodes.InvalidPeerBonus, message));
        if (peer.Generations is < 1 or > PeerBonusOptions.MaxGenerations)
        {
            Add($"PeerBonus:Generations is {peer.Generations}; a peer bonus pays 1 to {PeerBonusOptions.MaxGenerations} generations.");
        }

        if (!peer.Rate.IsBetweenZeroAndOne)
        {
            Add($"PeerBonus:Rate is {peer.Rate}; it must be between 0% and 100%.");
        }

        if (!Enum.IsDefined(peer.Basis))
        {
            Add($"PeerBonus:Basis '{peer.Basis}' is not OfBase or OfDownlineDifferential.");
        }
    }

    /// <summary>
    /// The peer bonus pays at most its highest rate (the plan's or a rank's own) for each generation: of the base, or,
    /// of the downline's differential, of at most the top rank's rate of the base.
    /// </summary>
    internal static IEnumerable<RateShare> RateShares(CommissionPlanOptions options)
    {
        if (options.PeerBonus is not { } peer || DifferentialRule.TopRank(options) is not { } top)
        {
            yield break;
        }

        var highest = (options.Ranks ?? []).Where(r => r?.PeerRate is not null).Select(r => r.PeerRate!.Value).Append(peer.Rate).Max();
        var generations = Math.Max(0, peer.Generations);
        yield return peer.Basis == PeerBonusBasis.OfDownlineDifferential
            ? new RateShare($"peer {highest} of differential {top.DifferentialRate} × {generations}", highest * top.DifferentialRate * Rate.FromFraction(generations))
            : new RateShare($"peer {highest} × {generations}", highest * Rate.FromFraction(generations));
    }

    /// <summary>A peer line explained: the peer rate of the beneficiary's rank and the holder whose rank it matches.</summary>
    internal static CommissionLine Explain(CommissionPlan plan, string orderLineId, in PaidLine line, NetworkSnapshot network, MemberRanks? ranks)
    {
        var rank = ranks?.RankAt(line.Beneficiary);
        return RuleLines.Explain(plan, orderLineId, line, network, rank, LevelReward.OfRate(rank!.PeerRate ?? plan.PeerRate), [], network.MemberAt(line.Source));
    }
}
