namespace CommunityModel.Crm.Orders;

/// <summary>What an order did.</summary>
public enum OrderKind
{
    /// <summary>A catalog product bought outright.</summary>
    Product,

    /// <summary>A first membership term (or a new one after a lapse or refund).</summary>
    MembershipPurchase,

    /// <summary>Another term of the member's tier.</summary>
    MembershipRenewal,

    /// <summary>An immediate upgrade to a dearer tier.</summary>
    MembershipUpgrade,
}
