namespace CommunityModel.Onboarding;

/// <summary>The staff in a member's dedicated service group (专属对接群).</summary>
[Flags]
public enum StaffRoles
{
    /// <summary>No staff.</summary>
    None = 0,

    /// <summary>销售: the sales contact.</summary>
    Sales = 1,

    /// <summary>客服: customer service.</summary>
    CustomerService = 2,

    /// <summary>主管: the supervisor.</summary>
    Supervisor = 4,

    /// <summary>高管: an executive.</summary>
    Executive = 8,

    /// <summary>All four, what the seed's service group has.</summary>
    All = Sales | CustomerService | Supervisor | Executive,
}
