namespace CommunityModel.Commissions.Plans;

/// <summary>What a plan's percentages apply to (the commissionable base).</summary>
public enum CommissionBase
{
    /// <summary>The amount the buyer paid for the order line.</summary>
    AmountPaid = 0,

    /// <summary>The amount paid minus the order line's cost (a margin base); never below zero.</summary>
    AmountPaidMinusCost = 1,
}
