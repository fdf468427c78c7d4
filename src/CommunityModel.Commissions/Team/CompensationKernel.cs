using CommunityModel.Commissions.Engine;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Team;

/// <summary>
/// The paying loop of a <see cref="CompensationPlan"/>, shared by the per-order calculator and the month-end run
/// so both give the same lines by construction: dense indices, minor units, precomputed rates, lines written to
/// a caller's span. Allocates nothing. Immutable and thread-safe.
/// </summary>
internal sealed class CompensationKernel
{
    private const EarnerStatus Barred = EarnerStatus.Suspended | EarnerStatus.Inactive;

    private readonly long[] _levelFixed;
    private readonly RateFactor[] _levelRates;
    private readonly RateFactor[] _differential;
    private readonly RateFactor[] _peer;
    private readonly RateFactor _cap;
    private readonly bool _hasCap;
    private readonly bool _compress;
    private readonly bool _promotersOnly;
    private readonly bool _sellerEarnsOwnRank;
    private readonly bool _peerOfBase;
    private readonly int _generations;
    private readonly int _top;
    private readonly RoundingMode _rounding;

    internal CompensationKernel(CompensationPlan plan)
    {
        var levels = plan.LevelPlan?.Levels ?? [];
        _levelFixed = [.. levels.Select(l => l.FixedAmount?.MinorUnits ?? -1)];
        _levelRates = [.. levels.Select(l => new RateFactor(l.Rate.GetValueOrDefault()))];
        _top = plan.Ladder.Count;
        _differential = [new RateFactor(Rate.Zero), .. plan.Ladder.Ranks.Select(r => new RateFactor(r.DifferentialRate))];
        _peer = [new RateFactor(Rate.Zero), .. plan.Ladder.Ranks.Select(r => new RateFactor(r.PeerRate ?? plan.PeerRate))];
        _generations = plan.PeerGenerations;
        _peerOfBase = plan.PeerBasis == PeerBonusBasis.OfBase;
        _hasCap = plan.PayoutCap is not null;
        _cap = new RateFactor(plan.PayoutCap.GetValueOrDefault());
        _compress = plan.IneligibleUpline == IneligibleUplinePolicy.Compress;
        _promotersOnly = plan.Earners == EarnerEligibility.DesignatedPromoters;
        _sellerEarnsOwnRank = plan.SellerEarnsOwnRank;
        _rounding = plan.Rounding;
        MaxLines = _levelFixed.Length + _top + (_top * _generations);
    }

    /// <summary>The most lines one order can produce: the size of the span <see cref="Pay"/> needs.</summary>
    internal int MaxLines { get; }

    /// <summary>Pays one order: levels, then differential, then peer bonus, then the cap. Returns the number of lines written.</summary>
    internal int Pay(int buyer, long baseMinor, NetworkSnapshot network, byte[] ranks, EarnerRoster? earners, Span<PaidLine> lines)
    {
        if (baseMinor <= 0)
        {
            return 0;
        }

        var remaining = baseMinor;
        var count = PayLevels(buyer, baseMinor, network, earners, lines, ref remaining);
        if (_top > 0 && remaining > 0)
        {
            count = PayRanks(buyer, baseMinor, network, ranks, earners, lines, count, ref remaining);
        }

        if (_hasCap && count > 0)
        {
            ApplyCap(baseMinor, lines[..count], baseMinor - remaining);
        }

        return count;
    }

    private int PayLevels(int buyer, long baseMinor, NetworkSnapshot network, EarnerRoster? earners, Span<PaidLine> lines, ref long remaining)
    {
        var count = 0;
        var levels = _levelFixed.Length;
        var upline = network.ParentAt(buyer);
        var compressedFrom = upline;
        var compressedCount = 0;
        for (var level = 1; level <= levels && upline >= 0 && remaining > 0;)
        {
            var status = earners is null ? EarnerStatus.None : earners.StatusAt(upline);
            var eligible = (status & Barred) == 0 && (!_promotersOnly || (status & EarnerStatus.Promoter) != 0);
            if (eligible)
            {
                var fixedAmount = _levelFixed[level - 1];
                var amount = Math.Min(remaining, fixedAmount >= 0 ? fixedAmount : _levelRates[level - 1].Of(baseMinor, _rounding));
                if (amount > 0)
                {
                    lines[count++] = new PaidLine { Beneficiary = upline, Amount = amount, Uncapped = amount, Basis = baseMinor, Source = compressedFrom, Count = compressedCount, Kind = CommissionRuleKind.Level, Ordinal = (byte)level };
                    remaining -= amount;
                }

                level++;
                upline = network.ParentAt(upline);
                compressedFrom = upline;
                compressedCount = 0;
            }
            else if (_compress)
            {
                compressedCount++;
                upline = network.ParentAt(upline);
            }
            else
            {
                level++;
                upline = network.ParentAt(upline);
                compressedFrom = upline;
            }
        }

        return count;
    }

    private int PayRanks(int seller, long baseMinor, NetworkSnapshot network, byte[] ranks, EarnerRoster? earners, Span<PaidLine> lines, int count, ref long remaining)
    {
        var paidBelow = 0;          // h: the highest rank level already paid below
        var paidBelowAmount = 0L;   // R(B × r(h)): cumulative rounding keeps the total differential at R(B × r_max)
        var holder = -1;            // the member holding h (the last to raise it)
        var holderDifferential = 0L;
        var generation = 0;
        for (var u = _sellerEarnsOwnRank ? seller : network.ParentAt(seller); u >= 0 && remaining > 0; u = network.ParentAt(u))
        {
            // Suspended or inactive members are invisible to the walk: they neither earn nor raise h.
            if (earners is not null && (earners.StatusAt(u) & Barred) != 0)
            {
                continue;
            }

            int rank = ranks[u];
            if (rank > paidBelow)
            {
                var cumulative = _differential[rank].Of(baseMinor, _rounding);
                var amount = Math.Min(remaining, cumulative - paidBelowAmount);
                if (amount > 0)
                {
                    lines[count++] = new PaidLine { Beneficiary = u, Amount = amount, Uncapped = amount, Basis = baseMinor, Source = paidBelow, Kind = CommissionRuleKind.Differential, Ordinal = (byte)rank };
                    remaining -= amount;
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
                var amount = Math.Min(remaining, _peer[rank].Of(basis, _rounding));
                if (amount > 0)
                {
                    lines[count++] = new PaidLine { Beneficiary = u, Amount = amount, Uncapped = amount, Basis = basis, Source = holder, Kind = CommissionRuleKind.Peer, Ordinal = (byte)generation };
                    remaining -= amount;
                }
            }

            // At the top rate no differential is left; walk on only to find the top rank's peers.
            if (paidBelow == _top && (generation >= _generations || _peer[_top].IsZero))
            {
                break;
            }
        }

        return count;
    }

    // Scales every line down to exactly R_down(B × cap) by largest remainder, weights = the amounts, ties by line order.
    private void ApplyCap(long baseMinor, Span<PaidLine> lines, long paid)
    {
        var cap = _cap.Of(baseMinor, RoundingMode.Down);
        if (paid <= cap)
        {
            return;
        }

        Span<long> weights = lines.Length <= 128 ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<long> parts = lines.Length <= 128 ? stackalloc long[lines.Length] : new long[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            weights[i] = lines[i].Amount;
        }

        LargestRemainder.Allocate(cap, weights, parts);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i].Amount = parts[i];
            lines[i].Capped = true;
        }
    }
}
