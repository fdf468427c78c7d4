using System.Collections.Immutable;

namespace CommunityModel.Metrics.Simulation;

/// <summary>The result of a growth simulation: month by month, with the totals and the comparison with the traditional formula. Immutable; ready to chart.</summary>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="Draws">How whole people were drawn.</param>
/// <param name="Seed">The seed of the draws (unused for <see cref="SimulationDraws.Expected"/>).</param>
/// <param name="PayoutModel">The name of the payout model.</param>
/// <param name="PayoutCap">The payout cap the model is held to; <see langword="null"/> for none.</param>
/// <param name="Months">The months, first to last.</param>
public sealed record GrowthProjection(
    Currency Currency,
    SimulationDraws Draws,
    int Seed,
    string PayoutModel,
    Rate? PayoutCap,
    ImmutableArray<SimulatedMonth> Months)
{
    /// <summary>The acquisition budget spent over the run.</summary>
    public Money AcquisitionCost => Money.Sum(Months.Select(m => m.AcquisitionCost), Currency);

    /// <summary>The community model's revenue over the run.</summary>
    public Money Revenue => Money.Sum(Months.Select(m => m.Revenue), Currency);

    /// <summary>The commission paid over the run.</summary>
    public Money CommissionPaid => Money.Sum(Months.Select(m => m.CommissionPaid), Currency);

    /// <summary>The traditional formula's sales over the run, on the same budget.</summary>
    public Money TraditionalRevenue => Money.Sum(Months.Select(m => m.TraditionalRevenue), Currency);

    /// <summary>What the community model sells beyond the traditional formula: <c>Revenue − TraditionalRevenue</c>.</summary>
    public Money CommunityAdvantage => Revenue - TraditionalRevenue;

    /// <summary>Commission paid as a share of revenue over the run; <see langword="null"/> when nothing sold.</summary>
    public Rate? PayoutRatio => Revenue.IsZero ? null : Rate.Of(CommissionPaid, Revenue);

    /// <summary>Whether the payout ratio of any month is above the cap (never, when there is no cap).</summary>
    public bool ExceedsCap => PayoutCap is { } cap && Months.Any(m => m.PayoutRatio > cap);

    /// <summary>Equal when every field and every month are equal.</summary>
    /// <param name="other">The other projection.</param>
    /// <returns>Whether the projections are equal.</returns>
    public bool Equals(GrowthProjection? other) =>
        other is not null
        && Currency == other.Currency && Draws == other.Draws && Seed == other.Seed
        && PayoutModel == other.PayoutModel && PayoutCap == other.PayoutCap
        && Months.SequenceEqual(other.Months);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Currency, Draws, Seed, PayoutModel, Months.Length);
}
