namespace CommunityModel.Commissions.Rules;

/// <summary>What one rule may pay of an order's base at most, as a rate, with the words naming it (e.g. <c>level-1 10%</c>, <c>peer 2% × 3</c>).</summary>
/// <param name="Rule">The rule and its rate, as a reader would name them.</param>
/// <param name="Rate">The most the rule pays, as a rate of the base.</param>
internal readonly record struct RateShare(string Rule, Rate Rate);
