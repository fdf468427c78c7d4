namespace CommunityModel.Memberships;

/// <summary>An entitlement (权益) of a tier as configuration: a product and how many times per term it may be used.</summary>
public sealed class EntitlementOptions
{
    /// <summary>The catalog id of the product.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>Uses per term, at least one; null for unlimited use during the term (e.g. community service).</summary>
    public int? Quantity { get; set; }
}
