using System.Collections.Immutable;

namespace CommunityModel.Simulation;

/// <summary>
/// The result of a growth simulation: both sides month by month, their totals, and the assumptions they rest on.
/// Immutable; print <see cref="SimulationAssumptions.ToLines"/> beside it.
/// </summary>
/// <param name="Assumptions">Every rate and price the run used.</param>
/// <param name="Months">The months, first to last.</param>
public sealed record GrowthProjection(SimulationAssumptions Assumptions, ImmutableArray<SimulatedMonth> Months)
{
    /// <summary>The community side over the run.</summary>
    public FunnelFigures Community => Total(m => m.Community);

    /// <summary>The traditional funnel over the run.</summary>
    public FunnelFigures Traditional => Total(m => m.Traditional);

    /// <summary>How much more the community side made than the traditional funnel over the run (negative when less).</summary>
    public Money ProfitAdvantage => Community.Profit - Traditional.Profit;

    /// <summary>Equal when the assumptions and every month are equal.</summary>
    /// <param name="other">The other projection.</param>
    /// <returns>Whether the projections are equal.</returns>
    public bool Equals(GrowthProjection? other) =>
        other is not null && Assumptions == other.Assumptions && Months.SequenceEqual(other.Months);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Assumptions, Months.Length);

    private FunnelFigures Total(Func<SimulatedMonth, FunnelFigures> side) =>
        Months.Aggregate(FunnelFigures.Zero(Assumptions.Traffic.BasePerLead.Currency), (sum, month) => sum.Add(side(month)));
}
