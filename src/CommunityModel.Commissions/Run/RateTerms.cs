using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Run;

/// <summary>
/// A plan whose every line is a rate of the order's base, written as sums: each line an order pays is
/// <c>R(B·plus) − R(B·minus)</c> for two of a few rates (a level's rate, a rank's cumulative differential rate, a peer rate;
/// <c>minus</c> absent but for a differential), and who earns it depends on the buyer alone. So the lines of all of a
/// buyer's orders add up to <c>S(plus) − S(minus)</c>, where <c>S(r)</c> sums <c>R(B·r)</c> over the buyer's orders:
/// <see cref="SummedPayment"/> sums each rate once per order and walks each buyer's upline once.
/// </summary>
/// <remarks>
/// <para>
/// Exact, not approximate: the rounding is down (<c>R(x) = ⌊x⌋</c>, what <see cref="RateFactor.Of"/> gives for a base of
/// zero or more), so a sum of differences is the difference of the sums. The plan qualifies only when no line can be cut
/// short by what is left of the base: no cap, no roles, no fixed amounts, a peer bonus of the base, and the most its
/// lines can pay on one order (every level, the top differential, a peer line per generation after each rank) below 100%.
/// </para>
/// <para>
/// Which lines an order writes must not depend on its base either: a line is written when its amount is above zero. With
/// rates strictly rising up the ladder, every line of a base at or above <see cref="MinBase"/> (one over the smallest
/// rate or rate step) is above zero, the same lines as for any larger base; an order below it (or above
/// <see cref="MaxBase"/>, where a product would not fit in 64 bits) is paid one by one by the kernel.
/// </para>
/// </remarks>
internal sealed class RateTerms
{
    /// <summary>The largest number of distinct rates summed per buyer.</summary>
    internal const int MaxRates = 12;

    /// <summary>The deepest scale (decimal places of a fraction) summed with a constant divisor.</summary>
    internal const int MaxScale = 6;

    /// <summary>
    /// The base the buyer's walk is paid at to find its lines: at or above every <see cref="MinBase"/> (at most 10^6) and
    /// small enough that no product with a rate of scale six or less leaves 64 bits.
    /// </summary>
    internal const long WalkBase = 1_000_000_000_000;

    private readonly int[] _levels;      // by level - 1: the rate's index
    private readonly int[] _cumulative;  // by rank level: the cumulative differential rate's index (-1 for none)
    private readonly int[] _peers;       // by generation (or by rank level): the peer rate's index
    private readonly bool _peerByGeneration;

    private RateTerms(ulong[] mantissas, int scale, long minBase, int[] levels, int[] cumulative, int[] peers, bool peerByGeneration)
    {
        Mantissas = mantissas;
        Scale = scale;
        MinBase = minBase;
        MaxBase = (long)Math.Min((1UL << 48) - 1, ulong.MaxValue / Math.Max(1UL, mantissas.Max()));
        _levels = levels;
        _cumulative = cumulative;
        _peers = peers;
        _peerByGeneration = peerByGeneration;
    }

    /// <summary>Each distinct rate as an integer over <c>10^Scale</c>.</summary>
    internal ulong[] Mantissas { get; }

    /// <summary>The common number of decimal places of the rates.</summary>
    internal int Scale { get; }

    /// <summary>The least base every line of which is above zero.</summary>
    internal long MinBase { get; }

    /// <summary>The greatest base summed: below 2^48 (it shares a word with a buyer's place), and its product with every rate fits in 64 bits.</summary>
    internal long MaxBase { get; }

    /// <summary>The plan's terms; <see langword="null"/> when a line of the plan is not a rate of the base alone (see the remarks).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The terms, or <see langword="null"/>.</returns>
    internal static RateTerms? For(CommissionPlan plan)
    {
        var rules = plan.Kernel.Rules;
        var ranks = rules.Ranks;
        var top = plan.Ladder.Count;
        var standard = plan.Kernel.Standard;
        if (!rules.PaysOnlyLevelsAndRanks || plan.Rounding != RoundingMode.Down || standard.Exclusion is not null || (top > 0 && ranks.PeerGenerations > 0 && !ranks.PeerOfBase))
        {
            return null;
        }

        var rates = new List<decimal>();
        var steps = new List<decimal>();   // every rate or rate step a written line pays at least once
        var worst = 0m;                    // the most one order's lines can take of its base
        int Index(decimal rate)
        {
            var at = rates.IndexOf(rate);
            if (at < 0)
            {
                rates.Add(rate);
                at = rates.Count - 1;
            }

            return at;
        }

        var levels = new int[standard.Levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            var level = standard.Levels[i];
            if (level.FixedMinorUnits >= 0)
            {
                return null;
            }

            var rate = level.Rate.Rate.Fraction;
            levels[i] = Index(rate);
            steps.Add(rate);
            worst += rate;
        }

        var cumulative = new int[top + 1];
        cumulative[0] = -1;
        var below = 0m;
        for (var k = 1; k <= top; k++)
        {
            var rate = ranks.CumulativeRates[k].Rate.Fraction;
            if (rate <= below)
            {
                return null; // a rank paying no more than the one below writes no line whatever the base: not summed
            }

            cumulative[k] = Index(rate);
            steps.Add(rate - below);
            below = rate;
        }

        worst += below;
        var generations = top == 0 ? 0 : ranks.PeerGenerations;
        var peerByGeneration = generations > 0 && plan.PeerGenerationRates.Length > 0;
        var peers = new int[peerByGeneration ? generations + 1 : top + 1];
        var highestPeer = 0m;
        for (var i = 1; i < peers.Length && generations > 0; i++)
        {
            var rate = (peerByGeneration ? ranks.PeerRate(i, 0) : ranks.PeerRate(1, i)).Rate.Fraction;
            peers[i] = Index(rate);
            steps.Add(rate);
            highestPeer = Math.Max(highestPeer, rate);
        }

        worst += top * generations * highestPeer;
        if (worst >= 1m || rates.Count is 0 or > MaxRates)
        {
            return null;
        }

        // Every rate as an integer over one power of ten.
        var scale = 0;
        foreach (var rate in rates.Concat(steps))
        {
            scale = Math.Max(scale, ScaleOf(rate));
        }

        if (scale > MaxScale)
        {
            return null;
        }

        var power = 1m;
        for (var i = 0; i < scale; i++)
        {
            power *= 10m;
        }

        var mantissas = rates.Select(r => (ulong)(r * power)).ToArray();
        var smallest = steps.Where(s => s > 0m).Select(s => (long)(s * power)).DefaultIfEmpty((long)power).Min();
        var minBase = Math.Max(1, ((long)power + smallest - 1) / smallest);
        return new RateTerms(mantissas, scale, minBase, levels, cumulative, peers, peerByGeneration);
    }

    /// <summary>The rates a line paid at <see cref="WalkBase"/> is the difference of, as indices into <see cref="Mantissas"/>.</summary>
    /// <param name="line">The line.</param>
    /// <param name="beneficiaryRank">The beneficiary's rank level (read for a peer line).</param>
    /// <returns>The rate added and the rate taken off (-1 for none).</returns>
    internal (int Plus, int Minus) Of(in PaidLine line, int beneficiaryRank) => line.Kind switch
    {
        CommissionRuleKind.Level => (_levels[line.Ordinal - 1], -1),
        CommissionRuleKind.Differential => (_cumulative[line.Ordinal], _cumulative[line.Source]),
        _ => (_peers[_peerByGeneration ? line.Ordinal : beneficiaryRank], -1),
    };

    private static int ScaleOf(decimal fraction)
    {
        var scale = 0;
        while (decimal.Truncate(fraction) != fraction)
        {
            fraction *= 10m;
            scale++;
        }

        return scale;
    }
}
