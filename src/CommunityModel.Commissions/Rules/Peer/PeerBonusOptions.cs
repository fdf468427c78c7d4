namespace CommunityModel.Commissions.Rules;

/// <summary>The peer bonus (平级奖) of a combined plan as data: a rate, what it applies to, and how many same-rank generations earn it.</summary>
public sealed class PeerBonusOptions
{
    /// <summary>The most generations a plan may pay.</summary>
    public const int MaxGenerations = 3;

    /// <summary>The rate; a rank's <see cref="Ranks.RankOptions.PeerRate"/> replaces it at that rank.</summary>
    public Rate Rate { get; set; }

    /// <summary>What the rate applies to; the base by default.</summary>
    public PeerBonusBasis Basis { get; set; } = PeerBonusBasis.OfBase;

    /// <summary>How many same-rank uplines above the rank's holder earn it, 1 to <see cref="MaxGenerations"/>; 1 by default.</summary>
    public int Generations { get; set; } = 1;

    /// <summary>
    /// The rate of each generation, the first above the holder first (e.g. 3%, 2%, 1%: a generation bonus that falls with
    /// distance); one per generation, each 0% to 100%. When given it replaces <see cref="Rate"/>, and no rank may set its
    /// own <see cref="Ranks.RankOptions.PeerRate"/>. Empty by default: every generation earns <see cref="Rate"/>.
    /// </summary>
    public IList<Rate> GenerationRates { get; set; } = [];
}
