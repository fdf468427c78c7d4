namespace CommunityModel.Crm.Api;

/// <summary>Where a withdrawal stands.</summary>
public enum WithdrawalStatus
{
    /// <summary>Requested: the amount is reserved until the next month-end pays it.</summary>
    Requested = 0,

    /// <summary>Paid out by a month-end run.</summary>
    Paid = 1,

    /// <summary>Rejected: the amount went back to the available balance.</summary>
    Rejected = 2,
}
