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

        var rates = peer.GenerationRates ?? [];
        if (rates.Count == 0)
        {
            return;
        }

        if (rates.Count != peer.Generations)
        {
            Add($"PeerBonus:GenerationRates has {rates.Count} rate(s) for {peer.Generations} generation(s); give one rate per generation.");
        }

        for (var g = 0; g < rates.Count; g++)
        {
            if (!rates[g].IsBetweenZeroAndOne)
            {
                Add($"PeerBonus:GenerationRates:{g} is {rates[g]}; it must be between 0% and 100%.");
            }
        }

        var ranks = options.Ranks ?? [];
        for (var r = 0; r < ranks.Count; r++)
        {
            if (ranks[r]?.PeerRate is { } own)
            {
                Add($"Ranks:{r}:PeerRate is {own} but PeerBonus:GenerationRates sets the rate of each generation; set one or the other.");
            }
        }
    }

    /// <summary>The rate a peer line of a generation pays at a rank: the generation's own rate, else the rank's, else the plan's.</summary>
    internal static Rate RateOf(CommissionPlan plan, Rank? rank, int generation) =>
        !plan.PeerGenerationRates.IsEmpty ? plan.PeerGenerationRates[generation - 1] : rank?.PeerRate ?? plan.PeerRate;

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

        var generations = Math.Max(0, peer.Generations);
        var (text, sum) = peer.GenerationRates is { Count: > 0 } byGeneration
            ? (string.Join(" + ", byGeneration), byGeneration.Aggregate(Rate.Zero, (total, r) => total + r))
            : ((options.Ranks ?? []).Where(r => r?.PeerRate is not null).Select(r => r.PeerRate!.Value).Append(peer.Rate).Max() is var highest ? ($"{highest} × {generations}", highest * Rate.FromFraction(generations)) : default);
        yield return peer.Basis == PeerBonusBasis.OfDownlineDifferential
            ? new RateShare($"peer ({text}) of differential {top.DifferentialRate}", sum * top.DifferentialRate)
            : new RateShare($"peer {text}", sum);
    }

    /// <summary>A peer line explained: the peer rate of the beneficiary's rank and the holder whose rank it matches.</summary>
    internal static CommissionLine Explain(CommissionPlan plan, string orderLineId, in PaidLine line, NetworkSnapshot network, MemberRanks? ranks)
    {
        var rank = ranks?.RankAt(line.Beneficiary);
        return RuleLines.Explain(plan, orderLineId, line, network, rank, LevelReward.OfRate(RateOf(plan, rank, line.Ordinal)), [], network.MemberAt(line.Source));
    }
}
