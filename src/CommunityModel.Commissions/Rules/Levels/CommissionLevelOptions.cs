namespace CommunityModel.Commissions.Rules;

/// <summary>What one level of a plan pays: a rate of the commissionable base or a fixed amount.</summary>
public sealed class CommissionLevelOptions
{
    /// <summary>A rate of the commissionable base, e.g. <c>10%</c>.</summary>
    public Rate? Rate { get; set; }

    /// <summary>A fixed amount per order line, e.g. <c>30.00 CNY</c>; wins over any rate for the same level.</summary>
    public Money? FixedAmount { get; set; }
}
