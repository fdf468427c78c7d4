namespace CommunityModel;

/// <summary>
/// The rules that join the parts of a <see cref="Community"/>, bound from the <c>Community:Rules</c> section. Everything
/// else (value chain, memberships, catalog, referrals, member numbers) keeps its own options.
/// </summary>
public sealed class CommunityOptions
{
    /// <summary>
    /// Membership tiers whose holders become promoters (分享赚钱) when they buy the tier, e.g. <c>KA</c>. Tiers that grant
    /// promoter rights themselves (the gift pack) need not be listed. Each must be a tier of the membership plan.
    /// </summary>
    public List<string> PromoterTiers { get; set; } = [];

    /// <summary>Whether buying the partner package (合伙人套餐) makes the buyer a promoter; on by default.</summary>
    public bool PartnerPackageGrantsPromoterRights { get; set; } = true;

    /// <summary>
    /// Net spending that makes a member a promoter (满额分销, as in CRMEB), e.g. <c>"3600.00 CNY"</c>;
    /// zero (the default) turns spending qualification off.
    /// </summary>
    public Money PromoterSpendingThreshold { get; set; }

    /// <summary>
    /// The member-number category of a tier without a prefix of its own under <c>MemberNumbers:Prefixes</c>;
    /// <c>Member</c> by default.
    /// </summary>
    public string DefaultNumberCategory { get; set; } = "Member";

    /// <summary>Values in configuration that did not parse, each naming its path; reported at start-up.</summary>
    internal List<string> BindingProblems { get; } = [];
}
