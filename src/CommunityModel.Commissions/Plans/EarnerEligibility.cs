namespace CommunityModel.Commissions.Plans;

/// <summary>Who may earn commission under a plan.</summary>
public enum EarnerEligibility
{
    /// <summary>人人分销: every active member who referred a buyer.</summary>
    EveryMember = 0,

    /// <summary>指定分销: only members designated as promoters (<see cref="Paying.EarnerStatus.Promoter"/>).</summary>
    DesignatedPromoters = 1,
}
