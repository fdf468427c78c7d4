namespace CommunityModel.Metrics.Simulation;

/// <summary>
/// What a commission model pays on one simulated sale, and the payout cap it is held to. The simulator asks once
/// per product and run, then multiplies by the units sold, so the payout of a month is exact to the fen.
/// </summary>
/// <remarks>
/// The core ships <see cref="LevelRatePayout"/> (fixed rates per level); the commissions package adapts a real
/// commission plan and compliance profile (<c>CommunityModel.Commissions.Simulation.CommissionPlanPayout</c>).
/// </remarks>
public interface ICommissionPayout
{
    /// <summary>A name for the model, carried into the projection.</summary>
    string Name { get; }

    /// <summary>The most the model may pay out as a share of revenue (e.g. 30% under China's direct-selling rules); <see langword="null"/> when none applies.</summary>
    Rate? PayoutCap { get; }

    /// <summary>The commission paid on one unit of a product sold at a price, in the price's currency, between zero and the price.</summary>
    /// <param name="product">What was sold.</param>
    /// <param name="unitPrice">What one unit cost the buyer.</param>
    /// <returns>The commission paid on the unit.</returns>
    Money CommissionOn(SimulatedProduct product, Money unitPrice);
}
