namespace CommunityModel;

/// <summary>What an order placed in the <see cref="Community"/> bought.</summary>
public enum OrderKind
{
    /// <summary>A catalog product.</summary>
    Product = 0,

    /// <summary>A first membership term, or a new one after a lapse or a refund.</summary>
    MembershipPurchase = 1,

    /// <summary>Another term of the tier held.</summary>
    MembershipRenewal = 2,

    /// <summary>A move to a dearer tier, paid for at once.</summary>
    MembershipUpgrade = 3,

    /// <summary>Promoter rights bought by a member who already holds a membership (the gift pack bought by a VIP).</summary>
    PromoterRights = 4,
}
