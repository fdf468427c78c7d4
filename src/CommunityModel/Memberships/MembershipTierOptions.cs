namespace CommunityModel.Memberships;

/// <summary>A membership tier (VIP, KA, …) as configuration data.</summary>
public sealed class MembershipTierOptions
{
    /// <summary>The stable id, unique in the plan (e.g. <c>vip</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>A display name; the id when empty.</summary>
    public string? Name { get; set; }

    /// <summary>The price per term, in the catalog's currency.</summary>
    public Money Price { get; set; }

    /// <summary>The length of a term in months; twelve (one year) by default.</summary>
    public int TermMonths { get; set; } = 12;

    /// <summary>The id of a lower tier whose entitlements this tier includes (KA includes VIP), or null.</summary>
    public string? Includes { get; set; }

    /// <summary>The tier's own entitlements; those of the included tier are added without granting anything twice.</summary>
    public IList<EntitlementOptions> Entitlements { get; } = new List<EntitlementOptions>();

    /// <summary>Whether buying the tier makes the member a member-promoter with promotion rights (the 399 gift pack, 分享赚钱).</summary>
    public bool GrantsPromotionRights { get; set; }

    /// <summary>The shopping discount a member-promoter of this tier gets (自用省钱), e.g. <c>"10%"</c>.</summary>
    public Rate ShoppingDiscount { get; set; }
}
