namespace CommunityModel.Referrals;

/// <summary>What made a member a promoter (推广员), besides a gift pack bought at the membership desk.</summary>
public enum PromoterBasis
{
    /// <summary>The member holds a membership tier configured to carry promoter rights (e.g. KA).</summary>
    MembershipTier = 0,

    /// <summary>The member bought the partner package (合伙人套餐).</summary>
    PartnerPackage = 1,

    /// <summary>The member's net spending reached the configured threshold (满额分销).</summary>
    Spending = 2,
}
