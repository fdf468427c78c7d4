namespace CommunityModel.Metrics.Simulation;

/// <summary>One product's sales in a simulated month: <c>Amount = UnitPrice × Units</c>, <c>Commission = unit commission × Units</c>.</summary>
/// <param name="Product">What was sold.</param>
/// <param name="Units">How many were sold.</param>
/// <param name="UnitPrice">The price of one unit.</param>
/// <param name="Amount">The revenue of the line.</param>
/// <param name="Commission">The commission paid on the line.</param>
public sealed record SimulatedSale(SimulatedProduct Product, long Units, Money UnitPrice, Money Amount, Money Commission);
