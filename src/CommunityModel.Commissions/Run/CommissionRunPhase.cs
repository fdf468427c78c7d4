namespace CommunityModel.Commissions.Run;

/// <summary>What a month-end run is doing.</summary>
public enum CommissionRunPhase
{
    /// <summary>Summing volumes and qualifying ranks.</summary>
    QualifyingRanks = 0,

    /// <summary>Paying orders.</summary>
    PayingOrders = 1,

    /// <summary>Done.</summary>
    Completed = 2,
}
