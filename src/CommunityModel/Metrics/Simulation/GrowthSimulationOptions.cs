namespace CommunityModel.Metrics.Simulation;

/// <summary>
/// The parameters of a growth simulation. The defaults are the seed business: VIP 3,600 and KA 120,000 a year,
/// a four-rung product ladder, a three-level plan of 10% / 5% / 3% against a 30% payout cap, 20,000 a month of
/// bought traffic at 20 a lead, over 24 months. Bind from configuration (<c>AddGrowthSimulator</c>) or set in
/// code; <see cref="GrowthSimulationOptionsValidator"/> names every bad value.
/// </summary>
/// <remarks>Monthly rates apply to the people in a stage at the start of the month; a person takes at most one step a month.</remarks>
public sealed class GrowthSimulationOptions
{
    /// <summary>The level rates used when <see cref="LevelRates"/> is not set: 10%, 5%, 3%.</summary>
    public static IReadOnlyList<Rate> DefaultLevelRates { get; } = [Rate.FromPercent(10), Rate.FromPercent(5), Rate.FromPercent(3)];

    /// <summary>How many months to simulate, 1 to 120. Default 24.</summary>
    public int Months { get; set; } = 24;

    /// <summary>The seed of the random draws (used when <see cref="Draws"/> is <see cref="SimulationDraws.Sampled"/>). Default 7.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>Seeded random draws or exact expected counts. Default <see cref="SimulationDraws.Sampled"/>.</summary>
    public SimulationDraws Draws { get; set; } = SimulationDraws.Sampled;

    /// <summary>The ISO 4217 currency of every amount. Default CNY.</summary>
    public string Currency { get; set; } = "CNY";

    /// <summary>The acquisition budget spent on bought traffic each month. Default 20,000.</summary>
    public decimal MonthlyBudget { get; set; } = 20_000m;

    /// <summary>What one bought lead (a prospect) costs; the budget buys <c>floor(MonthlyBudget / CostPerLead)</c> leads a month. Default 20.</summary>
    public decimal CostPerLead { get; set; } = 20m;

    /// <summary>Prospect → Fan: the share of a month's new prospects who join and take the lead product; the rest are lost. Default 30%.</summary>
    public Rate FanConversion { get; set; } = Rate.FromPercent(30);

    /// <summary>Fan → Customer: the share of fans who buy the entry product each month. Default 10%.</summary>
    public Rate CustomerConversion { get; set; } = Rate.FromPercent(10);

    /// <summary>Customer → Member: the share of customers who buy a VIP membership each month. Default 5%.</summary>
    public Rate MemberConversion { get; set; } = Rate.FromPercent(5);

    /// <summary>Member → Partner: the share of VIP members who upgrade to KA each month. Default 2%.</summary>
    public Rate PartnerConversion { get; set; } = Rate.FromPercent(2);

    /// <summary>The share of fans who leave each month (with <see cref="CustomerConversion"/> at most 100%). Default 10%.</summary>
    public Rate FanChurn { get; set; } = Rate.FromPercent(10);

    /// <summary>The share of customers who leave each month (with <see cref="MemberConversion"/> at most 100%). Default 5%.</summary>
    public Rate CustomerChurn { get; set; } = Rate.FromPercent(5);

    /// <summary>
    /// The share of staying customers, members and partners who buy again each month (复购): customers and members
    /// the high-ticket product, partners the premium product. Default 10%.
    /// </summary>
    public Rate RepurchaseRate { get; set; } = Rate.FromPercent(10);

    /// <summary>The share of memberships (VIP and KA) renewed at their anniversary; the others lapse and are lost. Default 60%.</summary>
    public Rate RenewalRate { get; set; } = Rate.FromPercent(60);

    /// <summary>
    /// The referral coefficient: the chance that a new customer brings one new prospect, who arrives the next month
    /// (0 to 1; the expected referred prospects are <c>coefficient × new customers</c>). Default 0.5.
    /// </summary>
    public Rate ReferralCoefficient { get; set; } = Rate.FromFraction(0.5m);

    /// <summary>The price of the lead product, a lead's first purchase. Default 9.90.</summary>
    public decimal LeadMagnetPrice { get; set; } = 9.90m;

    /// <summary>The price of the entry product. Default 399.</summary>
    public decimal EntryPrice { get; set; } = 399m;

    /// <summary>The price of the high-ticket product. Default 3,980.</summary>
    public decimal HighTicketPrice { get; set; } = 3_980m;

    /// <summary>The price of the premium product. Default 39,800.</summary>
    public decimal PremiumPrice { get; set; } = 39_800m;

    /// <summary>The yearly VIP membership fee. Default 3,600.</summary>
    public decimal VipFee { get; set; } = 3_600m;

    /// <summary>The yearly KA membership fee, at least the VIP fee (an upgrade pays the difference). Default 120,000.</summary>
    public decimal KaFee { get; set; } = 120_000m;

    /// <summary>
    /// The rates of the default payout model (<see cref="LevelRatePayout"/>), level 1 first; <see langword="null"/>
    /// (the default) for the seed's three-level plan, <see cref="DefaultLevelRates"/>; empty for a model that pays
    /// nothing. (Null rather than a pre-filled list, so that binding from configuration replaces the preset instead
    /// of appending to it.)
    /// </summary>
    public IList<Rate>? LevelRates { get; set; }

    /// <summary>The payout cap of the default payout model; <see langword="null"/> for none. Default 30%.</summary>
    public Rate? PayoutCap { get; set; } = Rate.FromPercent(30);
}
