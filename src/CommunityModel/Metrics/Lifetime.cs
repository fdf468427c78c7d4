namespace CommunityModel.Metrics;

/// <summary>Lifetime value, LTV = what a buyer brings per period ÷ churn, on revenue or on gross profit.</summary>
internal static class Lifetime
{
    /// <summary>
    /// The lifetime value of a buyer: the revenue per buyer times the gross margin (rounded half up to the minor unit, so
    /// at 100% it is the revenue per buyer exactly) ÷ churn, rounded half up. Null without buyers or when churn is zero or
    /// unknown (the lifetime would be unbounded).
    /// </summary>
    internal static Money? Value(Money revenue, long buyers, Rate? churn, Rate grossMargin) =>
        buyers > 0 && churn is { IsZero: false } c ? revenue.Divide(buyers).Multiply(grossMargin).Divide(c.Fraction) : null;
}
