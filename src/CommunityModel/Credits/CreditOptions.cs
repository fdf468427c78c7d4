namespace CommunityModel.Credits;

/// <summary>
/// The rules of referral credits (会员用转介绍兑换一切: members exchange referrals for everything), bound from the
/// <c>Community:Credits</c> section. A sponsor earns whole credits when a member they referred pays; credits expire
/// after <see cref="ExpireAfterDays"/> and are redeemed for the items priced under <see cref="Prices"/>.
/// </summary>
/// <example>
/// <code>
/// "Credits": {
///   "PerReferral": 100,
///   "PurchaseRate": "10%",
///   "ItemBonuses": { "ka": 5000 },
///   "ExpireAfterDays": 365,
///   "Prices": { "trial-class": 50, "bootcamp": 800 }
/// }
/// </code>
/// </example>
public sealed class CreditOptions
{
    /// <summary>The most credits any one setting may give or cost, so sums of credits never overflow.</summary>
    public const long MaximumCredits = 1_000_000_000_000;

    /// <summary>Credits for a successful referral: the referred member's first paid order.</summary>
    public long PerReferral { get; set; }

    /// <summary>Fixed credits for every paid order of a referred member.</summary>
    public long PerPurchase { get; set; }

    /// <summary>
    /// Credits per unit of currency a referred member pays, as a rate, rounded down to whole credits: <c>10%</c> gives
    /// 36 credits for ¥365.00. Zero (the default) turns it off; at most 1000%.
    /// </summary>
    public Rate PurchaseRate { get; set; }

    /// <summary>Extra credits when a referred member buys an item (a membership tier or a catalog product), e.g. <c>ka: 5000</c>.</summary>
    public Dictionary<string, long> ItemBonuses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Days after which a lot of credits expires; zero (the default) for credits that never expire.</summary>
    public int ExpireAfterDays { get; set; }

    /// <summary>The credit price of each product or perk that can be redeemed, by item id (a catalog product or a membership tier).</summary>
    public Dictionary<string, long> Prices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Values in configuration that did not parse, each naming its path; reported at start-up.</summary>
    internal List<string> BindingProblems { get; } = [];
}
