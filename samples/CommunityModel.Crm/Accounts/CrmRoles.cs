namespace CommunityModel.Crm.Accounts;

/// <summary>
/// Who may do what. A <see cref="Member"/> sees their own profile and balance and withdraws their own commission;
/// <see cref="Staff"/> register members, take orders and refunds, record entitlement uses and read any member;
/// an <see cref="Admin"/> does all staff do, plus discounts, sponsor reassignment, month-end and accounts.
/// </summary>
internal static class CrmRoles
{
    /// <summary>A member of the community, bound to one member id.</summary>
    public const string Member = "member";

    /// <summary>Front-desk staff.</summary>
    public const string Staff = "staff";

    /// <summary>An administrator.</summary>
    public const string Admin = "admin";

    /// <summary>The policy of staff endpoints: staff or admin.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>The policy of admin endpoints.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The claim that binds a member account to its member id.</summary>
    public const string MemberIdClaim = "crm:member_id";

    /// <summary>Whether a role is one of the three.</summary>
    /// <param name="role">The role.</param>
    /// <returns>True for member, staff or admin.</returns>
    public static bool IsKnown(string? role) => role is Member or Staff or Admin;
}
