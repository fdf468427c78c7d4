namespace CommunityModel.Referrals;

/// <summary>Who may be a sponsor in a binding (分销模式).</summary>
public enum SponsorEligibility
{
    /// <summary>人人分销: any registered member may sponsor.</summary>
    AnyMember = 0,

    /// <summary>
    /// 指定分销: only members with promoter rights may sponsor, as the network learns them from
    /// <see cref="Memberships.PromoterRightsGranted"/> and <see cref="Memberships.PromoterRightsRevoked"/>.
    /// Administrative re-assignments are not bound by it.
    /// </summary>
    DesignatedPromoters = 1,
}
