using CommunityModel.Memberships;

namespace CommunityModel.Simulation;

/// <summary>
/// The parameters of a growth simulation: how many leads are bought and what they cost, which items of the simulated
/// community stand for the lead product, the courses and the two memberships, and the monthly rates at which people
/// act. Prices are not set here: both sides sell at the community's own prices. The defaults are the seed business
/// (trial class 9.90, bootcamp 199, two-day offline course 2,980, VIP 3,600, KA 120,000) with 1,000 leads a month
/// at 20 a lead rising by half at the reference volume, over 24 months. Bind from configuration
/// (<c>AddGrowthSimulator</c>) or set in code; <see cref="GrowthSimulationOptionsValidator"/> names every bad value.
/// </summary>
/// <remarks>
/// Every rate is a monthly chance for one person, drawn from that person's own seeded stream: the same person decides
/// the same way on both sides, so the comparison differs only where the sides differ (referrals, memberships,
/// commissions).
/// </remarks>
public sealed class GrowthSimulationOptions
{
    /// <summary>How many months to simulate, 1 to 120. Default 24.</summary>
    public int Months { get; set; } = 24;

    /// <summary>The seed of the random draws: same seed, same result. Default 7.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>When the first month starts. Default 2026-01-01 00:00 +08:00.</summary>
    public DateTimeOffset Start { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Leads bought each month, by both sides alike, 0 to 100,000. Default 1,000.</summary>
    public int LeadsPerMonth { get; set; } = 1_000;

    /// <summary>What a lead costs at no volume, in the community's currency. Default 20.</summary>
    public decimal CostPerLead { get; set; } = 20m;

    /// <summary>
    /// How fast traffic gets dearer with volume (流量成本): a month's cost per lead is
    /// <c>CostPerLead × (1 + TrafficCostElasticity × leads bought that month / ReferenceLeads)</c>, 0 to 100. Default 0.5.
    /// </summary>
    public decimal TrafficCostElasticity { get; set; } = 0.5m;

    /// <summary>The volume at which a lead costs <c>CostPerLead × (1 + TrafficCostElasticity)</c>; at least 1. Default 1,000.</summary>
    public int ReferenceLeads { get; set; } = 1_000;

    /// <summary>The catalog product a newcomer takes first (引流产品). Default the seed trial class.</summary>
    public string LeadProduct { get; set; } = SeedBusiness.TrialClass;

    /// <summary>The catalog product a fan buys as a first course. Default the seed bootcamp.</summary>
    public string EntryCourse { get; set; } = SeedBusiness.Bootcamp;

    /// <summary>The catalog product a customer buys again; a member whose membership includes it uses the entitlement instead. Default the seed two-day offline course.</summary>
    public string HighTicketCourse { get; set; } = SeedBusiness.OfflineCourse;

    /// <summary>The membership tier customers buy (community side only). Default VIP.</summary>
    public string VipTier { get; set; } = SeedBusiness.Vip;

    /// <summary>The membership tier VIP members upgrade to (community side only). Default KA.</summary>
    public string KaTier { get; set; } = SeedBusiness.Ka;

    /// <summary>The share of newcomers who take the lead product in the month they arrive; the others are lost. Default 30%.</summary>
    public Rate LeadProductRate { get; set; } = Rate.FromPercent(30);

    /// <summary>The monthly chance that a fan (took the lead product, no course yet) buys the entry course. Default 10%.</summary>
    public Rate EntryCourseRate { get; set; } = Rate.FromPercent(10);

    /// <summary>The monthly chance that a customer (bought the entry course) buys the high-ticket course. Default 5%.</summary>
    public Rate HighTicketCourseRate { get; set; } = Rate.FromPercent(5);

    /// <summary>The monthly chance that a fan or customer leaves for good (buys nothing more, renews nothing). Default 5%.</summary>
    public Rate ChurnRate { get; set; } = Rate.FromPercent(5);

    /// <summary>The monthly chance that a customer without a membership buys the VIP tier (community side only). Default 5%.</summary>
    public Rate MembershipUptake { get; set; } = Rate.FromPercent(5);

    /// <summary>The monthly chance that a VIP member upgrades to KA, credited for the unused VIP term by the membership plan (community side only). Default 1%.</summary>
    public Rate KaUpgradeRate { get; set; } = Rate.FromPercent(1);

    /// <summary>The chance that a membership is renewed in the month its term ends; otherwise it lapses (community side only). Default 60%.</summary>
    public Rate RenewalRate { get; set; } = Rate.FromPercent(60);

    /// <summary>The monthly chance that a fan or customer brings one newcomer, who arrives next month bound to them (community side only). Default 5%.</summary>
    public Rate ReferralRate { get; set; } = Rate.FromPercent(5);

    /// <summary>The chance that an order is refunded a few days after it was paid (inside the cooling-off period). Default 3%.</summary>
    public Rate RefundRate { get; set; } = Rate.FromPercent(3);
}
