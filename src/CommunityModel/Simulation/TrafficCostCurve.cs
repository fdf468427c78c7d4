namespace CommunityModel.Simulation;

/// <summary>
/// What bought traffic costs as volume grows (流量成本的增加让利润成为负数): the more leads bought in a month, the
/// dearer each one. <c>cost per lead = BasePerLead × (1 + Elasticity × leads / ReferenceLeads)</c>, rounded half up to
/// the minor unit; a month's traffic cost is that times the leads bought.
/// </summary>
/// <param name="BasePerLead">What a lead costs at no volume.</param>
/// <param name="Elasticity">How much dearer a lead is at the reference volume, as a multiple of the base (0.5: half as dear again).</param>
/// <param name="ReferenceLeads">The reference volume, at least 1.</param>
public sealed record TrafficCostCurve(Money BasePerLead, decimal Elasticity, long ReferenceLeads)
{
    /// <summary>What each lead costs when <paramref name="leads"/> are bought in the month.</summary>
    /// <param name="leads">Leads bought in the month, not negative.</param>
    /// <returns>The cost per lead.</returns>
    public Money PerLead(long leads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leads);
        return BasePerLead.Multiply(1m + (Elasticity * leads / ReferenceLeads));
    }

    /// <summary>What <paramref name="leads"/> bought in one month cost together: <c>PerLead(leads) × leads</c>.</summary>
    /// <param name="leads">Leads bought in the month, not negative.</param>
    /// <returns>The month's traffic cost.</returns>
    public Money CostOf(long leads) => PerLead(leads).Multiply(leads);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{BasePerLead} × (1 + {Elasticity} × leads / {ReferenceLeads:N0})";
}
