namespace CommunityModel.Memberships;

/// <summary>
/// The membership plan as configuration data: its tiers and its policies. Bound from a section such
/// as <c>Memberships</c>, validated at start-up by <see cref="MembershipOptionsValidator"/>, or filled in
/// code through <see cref="MembershipPlanBuilder"/>.
/// </summary>
public sealed class MembershipOptions
{
    /// <summary>The tiers; ids unique, each referring to catalog products and at most one lower tier, without cycles.</summary>
    public IList<MembershipTierOptions> Tiers { get; } = new List<MembershipTierOptions>();

    /// <summary>The IANA or Windows id of the time zone in which term dates are counted; <c>Asia/Shanghai</c> by default.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Days after a term ends during which a renewal still continues it (the member pays from the old end); 30 by default.</summary>
    public int RenewalGraceDays { get; set; } = 30;

    /// <summary>Days after a payment during which a cancellation refunds everything paid minus what was consumed; 7 by default (七天无理由).</summary>
    public int CoolingOffDays { get; set; } = 7;

    /// <summary>When upgrades take effect; at once by default.</summary>
    public UpgradeTiming UpgradeTiming { get; set; } = UpgradeTiming.Immediately;

    /// <summary>Which term an immediate upgrade buys; the current term's end is kept by default.</summary>
    public UpgradeTermPolicy UpgradeTerm { get; set; } = UpgradeTermPolicy.KeepTermEnd;

    /// <summary>How unused time is measured; actual days by default.</summary>
    public DayCount DayCount { get; set; } = DayCount.ActualDays;

    /// <summary>Values in configuration that could not be read; reported by validation with the rest.</summary>
    internal List<string> BindingProblems { get; } = [];
}
