namespace CommunityModel.Lifecycle;

/// <summary>
/// Where a person stands on the member value chain (客户价值开发主线): the forward chain
/// Prospect → Fan → Customer → Member → Partner, and the stages a real community adds beside it.
/// </summary>
public enum LifecycleStage
{
    /// <summary>潜在客户: a known contact, not yet in any group.</summary>
    Prospect = 0,

    /// <summary>粉丝: joined a lead group, followed the account or took a lead product.</summary>
    Fan = 1,

    /// <summary>客户: made a first paid purchase (a low-ticket product, a bootcamp, a trial class).</summary>
    Customer = 2,

    /// <summary>会员: holds a membership (VIP or KA), bought outright or through a gift pack.</summary>
    Member = 3,

    /// <summary>合伙人: bought the partner package or met the partner qualification.</summary>
    Partner = 4,

    /// <summary>沉睡粉丝: a fan who has been inactive long enough; re-activation brings them back.</summary>
    Dormant = 5,

    /// <summary>过期会员: a member whose membership expired without renewal.</summary>
    Lapsed = 6,

    /// <summary>暂停: suspended for breaking group rules; reinstatement returns to the stage suspended from.</summary>
    Suspended = 7,

    /// <summary>已移除: removed or banned; terminal.</summary>
    Removed = 8,
}
