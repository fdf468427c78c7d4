namespace CommunityModel.Crm.Api;

/// <summary>Where a withdrawal stands.</summary>
public enum WithdrawalStatus
{
    /// <summary>Requested; the next month-end pays it.</summary>
    Pending,

    /// <summary>Paid out by a month-end run.</summary>
    Paid,

    /// <summary>Rejected; its amount went back to the available balance.</summary>
    Rejected,
}
