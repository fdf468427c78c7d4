namespace CommunityModel.Referrals;

/// <summary>
/// When a member may be bound to a sponsor (推广关系绑定模式), as distribution systems offer it.
/// </summary>
public enum ReferralBindingMode
{
    /// <summary>
    /// 首次绑定: a member without a sponsor may be bound at any time, once; the first sponsor stays.
    /// </summary>
    FirstReferralAnyTime = 0,

    /// <summary>
    /// 注册绑定: a member may be bound only within <see cref="ReferralOptions.RegistrationWindow"/> of registering, once.
    /// </summary>
    AtRegistrationOnly = 1,

    /// <summary>
    /// 覆盖绑定: each new referral overrides the previous sponsor, until the member's first commissionable order fixes it.
    /// </summary>
    LatestReferralOverrides = 2,
}
