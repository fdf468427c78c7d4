using System.Collections.Immutable;

namespace CommunityModel.Commissions.Compliance;

/// <summary>The built-in compliance profiles. Each is a reading of public rules to report against, not legal advice.</summary>
public static class ComplianceProfiles
{
    // The 2013 opinion (最高人民法院、最高人民检察院、公安部《关于办理组织领导传销活动刑事案件适用法律若干问题的意见》, art. 1):
    // organising or leading pyramid selling is prosecuted from 30 participants in 3 levels, counting the organiser.
    private const int CriminalParticipants = 30;
    private const int CriminalLevels = 3;

    /// <summary>
    /// China's direct-selling regulation (《直销管理条例》): pay only on the seller's own direct sales, in total at
    /// most 30% of them (art. 24); recruiting pay, entry fees and team compensation are the three forms of
    /// pyramid selling (《禁止传销条例》 art. 7); an organisation of 30 participants in 3 levels reaches the 2013 criminal threshold. Name: <c>china-direct-selling</c>.
    /// </summary>
    public static ComplianceProfile ChinaDirectSelling { get; } = new()
    {
        Name = "china-direct-selling",
        Description = "直销管理条例 art. 24 (pay ≤ 30% of the seller's own direct sales) and 禁止传销条例 art. 7 (拉人头, 入门费, 团队计酬).",
        MaxLevels = 1,
        PayoutCap = Rate.FromPercent(30),
        ForbidsRecruitmentPay = true,
        ForbidsEntryFee = true,
        ForbidsTeamCompensation = true,
        ThresholdParticipants = CriminalParticipants,
        ThresholdLevels = CriminalLevels,
    };

    /// <summary>
    /// Social distribution (社交分销) as commonly run in China: at most three levels (the seed's "国家规定层级不能超过3级"),
    /// no pay for recruiting and no entry fee; an organisation of 30 participants in 3 levels reaches the 2013 criminal
    /// threshold. Name: <c>china-three-level-distribution</c>.
    /// </summary>
    public static ComplianceProfile ChinaThreeLevelDistribution { get; } = new()
    {
        Name = "china-three-level-distribution",
        Description = "Three-level distribution: at most three levels, no 拉人头, no 入门费 (禁止传销条例 art. 7).",
        MaxLevels = 3,
        ForbidsRecruitmentPay = true,
        ForbidsEntryFee = true,
        ThresholdParticipants = CriminalParticipants,
        ThresholdLevels = CriminalLevels,
    };

    /// <summary>
    /// Platform distribution (e.g. mini-program or marketplace rules): one-level rebates only, no pay for
    /// recruiting, no entry fee; the 2013 criminal threshold (30 participants in 3 levels) applies. Name: <c>platform-distribution</c>.
    /// </summary>
    public static ComplianceProfile PlatformDistribution { get; } = new()
    {
        Name = "platform-distribution",
        Description = "Platform distribution rules: a one-level rebate to the referrer only; no 拉人头, no 入门费.",
        MaxLevels = 1,
        ForbidsRecruitmentPay = true,
        ForbidsEntryFee = true,
        ForbidsTeamCompensation = true,
        ThresholdParticipants = CriminalParticipants,
        ThresholdLevels = CriminalLevels,
    };

    /// <summary>Every built-in profile.</summary>
    public static ImmutableArray<ComplianceProfile> All { get; } = [ChinaDirectSelling, ChinaThreeLevelDistribution, PlatformDistribution];
}
