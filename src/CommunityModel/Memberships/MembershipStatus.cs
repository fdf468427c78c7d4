namespace CommunityModel.Memberships;

/// <summary>Where a membership stands.</summary>
public enum MembershipStatus
{
    /// <summary>A paid term covers today (or the membership has not been brought up to date since it ended).</summary>
    Active,

    /// <summary>The last paid term ended; renewing inside the grace period continues the old term.</summary>
    Expired,

    /// <summary>The membership was cancelled and refunded; the member is a customer again.</summary>
    Refunded,
}
