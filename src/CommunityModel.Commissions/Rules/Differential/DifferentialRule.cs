using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// The rank differential (团队级差) as a rule kind, and the rank walk that pays it together with the peer bonus
/// (平级奖), whose lines depend on who holds the rank paid below. Walking up from the seller (or its sponsor when the
/// seller's rank does not pay), at most the plan's depth above the buyer, each eligible upline whose rank's rate r is
/// above the highest rate h already paid below earns <c>R(B·r) − R(B·h)</c>; above the member holding h, each further
/// upline of the same rank earns the peer rate for at most N generations. Members who may not earn are invisible to
/// the walk: they neither earn nor raise h. Immutable; built once per plan.
/// </summary>
internal sealed class DifferentialRule
{
    private readonly RateFactor[] _differential;
    private readonly RateFactor[] _peer;
    private readonly RateFactor[] _peerByGeneration; // index = generation; only the zero entry when every generation pays the rank's rate
    private readonly bool _topPaysNoPeer;
    private readonly bool _sellerEarnsOwnRank;
    private readonly bool _peerOfBase;
    private readonly int _generations;
    private readonly int _top;
    private readonly int _maxDepth;
    private readonly RoundingMode _rounding;
    private readonly EarnerFilter _earners;

    internal DifferentialRule(CommissionPlan plan)
    {
        _top = plan.Ladder.Count;
        _differential = [new RateFactor(Rate.Zero), .. plan.Ladder.Ranks.Select(r => new RateFactor(r.DifferentialRate))];
        _peer = [new RateFactor(Rate.Zero), .. plan.Ladder.Ranks.Select(r => new RateFactor(r.PeerRate ?? plan.PeerRate))];
        _peerByGeneration = [new RateFactor(Rate.Zero), .. plan.PeerGenerationRates.Select(r => new RateFactor(r))];
        _topPaysNoPeer = _peerByGeneration.Length > 1 ? _peerByGeneration.All(f => f.IsZero) : _peer[^1].IsZero;
        _generations = plan.PeerGenerations;
        _peerOfBase = plan.PeerBasis == PeerBonusBasis.OfBase;
        _sellerEarnsOwnRank = plan.SellerEarnsOwnRank;
        _rounding = plan.Rounding;
        _maxDepth = plan.MaxDepth;
        _earners = new EarnerFilter(plan);
    }

    /// <summary>
    /// The rate of the base each rank level's differential is cumulated at (index 0: no rank); a differential line of
    /// rank k over h pays <c>R(B·r_k) − R(B·r_h)</c>.
    /// </summary>
    internal ReadOnlySpan<RateFactor> CumulativeRates => _differential;

    /// <summary>Whether a peer line pays a rate of the base (rather than of the holder's differential).</summary>
    internal bool PeerOfBase => _peerOfBase;

    /// <summary>How many peer generations are paid after each holder.</summary>
    internal int PeerGenerations => _generations;

    /// <summary>The rounding of every amount the walk pays.</summary>
    internal RoundingMode Rounding => _rounding;

    /// <summary>The rate a peer line pays: its generation's own rate when the plan sets one per generation, else the rate of the beneficiary's rank.</summary>
    /// <param name="generation">The line's generation (1 to N).</param>
    /// <param name="rank">The beneficiary's rank level.</param>
    /// <returns>The rate, of the base or of the holder's differential as <see cref="PeerOfBase"/> says.</returns>
    internal RateFactor PeerRate(int generation, int rank) => _peerByGeneration.Length > 1 ? _peerByGeneration[generation] : _peer[rank];

    /// <summary>The most lines the walk writes on one order: one differential per rank, N peers per rank.</summary>
    internal int MaxLines => _top + (_top * _generations);

    /// <summary>Adds every rule the ranks break (the ladder's own validation).</summary>
    internal static void Validate(CommissionPlanOptions options, ImmutableArray<CommissionPlanProblem>.Builder problems) =>
        problems.AddRange(RankLadder.Validate(options.Currency, [.. options.Ranks ?? []]));

    /// <summary>The differential pays at most the top rank's rate of the base, whatever the ranks below it.</summary>
    internal static IEnumerable<RateShare> RateShares(CommissionPlanOptions options)
    {
        if (TopRank(options) is { } top)
        {
            yield return new RateShare($"differential {top.Code} {top.DifferentialRate}", top.DifferentialRate);
        }
    }

    /// <summary>The highest rank of the options (the last, ranks being lowest first); <see langword="null"/> without ranks.</summary>
    internal static RankOptions? TopRank(CommissionPlanOptions options) => options.Ranks is { Count: > 0 } ranks ? ranks[^1] : null;

    /// <summary>A differential line explained: the beneficiary's rate minus the rate already paid below.</summary>
    internal static CommissionLine Explain(CommissionPlan plan, string orderLineId, in PaidLine line, NetworkSnapshot network, MemberRanks? ranks) =>
        RuleLines.Explain(plan, orderLineId, line, network, ranks?.RankAt(line.Beneficiary), LevelReward.OfRate(plan.Ladder[line.Ordinal].DifferentialRate - (line.Source == 0 ? Rate.Zero : plan.Ladder[line.Source].DifferentialRate)), [], null);

    /// <summary>Pays the differential and the peer bonus of one order.</summary>
    internal void Pay<TUpline>(ref OrderPayment payment, in TUpline network)
        where TUpline : struct, IUplineTable
    {
        if (_top == 0 || payment.Remaining <= 0)
        {
            return;
        }

        var baseMinor = payment.Base;
        var seller = payment.Buyer;
        var paidBelow = 0;          // h: the highest rank level already paid below
        var paidBelowAmount = 0L;   // R(B × r(h)): cumulative rounding keeps the total differential at R(B × r_max)
        var holder = -1;            // the member holding h (the last to raise it)
        var holderDifferential = 0L;
        var generation = 0;
        var depth = _sellerEarnsOwnRank ? 0 : 1; // the seller's own rank on its own sale is depth 0; its sponsor is 1
        for (var u = _sellerEarnsOwnRank ? seller : network.ParentAt(seller); u >= 0 && payment.Remaining > 0 && depth <= _maxDepth; u = network.ParentAt(u), depth++)
        {
            if (!_earners.MayEarn(network.StatusAt(u)))
            {
                continue;
            }

            var rank = network.RankAt(u);
            if (rank > paidBelow)
            {
                var cumulative = _differential[rank].Of(baseMinor, _rounding);
                var amount = Math.Min(payment.Remaining, cumulative - paidBelowAmount);
                if (amount > 0)
                {
                    payment.Write(new PaidLine { Beneficiary = u, Amount = amount, Uncapped = amount, Basis = baseMinor, Source = paidBelow, Kind = CommissionRuleKind.Differential, Ordinal = (byte)rank });
                }

                paidBelow = rank;
                paidBelowAmount = cumulative;
                holder = u;
                holderDifferential = Math.Max(0, amount);
                generation = 0;
            }
            else if (rank == paidBelow && rank > 0 && generation < _generations)
            {
                generation++;
                var basis = _peerOfBase ? baseMinor : holderDifferential;
                var rate = _peerByGeneration.Length > 1 ? _peerByGeneration[generation] : _peer[rank];
                var amount = Math.Min(payment.Remaining, rate.Of(basis, _rounding));
                if (amount > 0)
                {
                    payment.Write(new PaidLine { Beneficiary = u, Amount = amount, Uncapped = amount, Basis = basis, Source = holder, Kind = CommissionRuleKind.Peer, Ordinal = (byte)generation });
                }
            }

            // At the top rate no differential is left; walk on only to find the top rank's peers.
            if (paidBelow == _top && (generation >= _generations || _topPaysNoPeer))
            {
                break;
            }
        }
    }
}
