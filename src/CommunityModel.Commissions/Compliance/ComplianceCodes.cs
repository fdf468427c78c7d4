namespace CommunityModel.Commissions.Compliance;

/// <summary>The stable codes of compliance findings. A code never changes meaning; new codes are only added.</summary>
public static class ComplianceCodes
{
    /// <summary>A rule of the plan pays deeper than the profile's level limit: more levels, or a differential or peer walk deeper than the limit (the finding's subject names the rule kind).</summary>
    public const string TooManyLevels = "CM001";

    /// <summary>拉人头: pay for recruiting itself — commission earned on the purchase that is the price of joining.</summary>
    public const string RecruitmentPay = "CM002";

    /// <summary>入门费: joining (or becoming a promoter) requires a purchase.</summary>
    public const string EntryFee = "CM003";

    /// <summary>团队计酬: uplines are paid on their downline's sales.</summary>
    public const string TeamCompensation = "CM004";

    /// <summary>The plan's rates can pay more than the profile's payout cap on an order.</summary>
    public const string PlanPayoutOverCap = "CM005";

    /// <summary>In a finished run, an earner's pay exceeds the cap relative to its own sales.</summary>
    public const string EarnerPayoutOverCap = "CM006";

    /// <summary>In a finished run, total pay exceeds the cap relative to total sales.</summary>
    public const string RunPayoutOverCap = "CM007";

    /// <summary>The plan has fixed amounts, which only a run (with prices) can check against the payout cap.</summary>
    public const string FixedAmountsNotCapped = "CM008";

    /// <summary>
    /// An organisation of a network or a finished run reaches the criminal threshold for organising or leading pyramid selling
    /// of the 2013 opinion of the Supreme People's Court, the Supreme People's Procuratorate and the Ministry of Public Security
    /// (《关于办理组织领导传销活动刑事案件适用法律若干问题的意见》): at least 30 participants in at least 3 levels, counting the
    /// organiser (see <see cref="OrganisationScale"/>).
    /// </summary>
    public const string OrganisationThreshold = "CM009";
}
