namespace CommunityModel.Lifecycle;

/// <summary>
/// The thresholds of the value chain's guards, bound from configuration (section <c>Lifecycle</c>) or set in
/// code. Validated at start-up by <see cref="ValueChainOptionsValidator"/>.
/// </summary>
/// <example>
/// <code>
/// "Lifecycle": { "MinimumPartnerReferrals": 5, "PartnerRequiresKaOrPartnerPackage": true, "DormantAfterDays": 60 }
/// </code>
/// </example>
public sealed class ValueChainOptions
{
    /// <summary>Successful referrals a member needs to qualify as a partner (default 3; 0 drops the guard).</summary>
    public int MinimumPartnerReferrals { get; set; } = 3;

    /// <summary>Whether qualifying as a partner also needs an active KA membership or the partner package (default true).</summary>
    public bool PartnerRequiresKaOrPartnerPackage { get; set; } = true;

    /// <summary>Days without activity after which a fan may be marked dormant (default 90).</summary>
    public int DormantAfterDays { get; set; } = 90;
}
