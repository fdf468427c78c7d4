using CommunityModel.Credits;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

/// <summary>The rules of the worked example: 100 a referral, 10% of the amount paid, 5000 more for KA, a year to spend them.</summary>
internal static class CreditsFixture
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static CreditOptions Options() => new()
    {
        PerReferral = 100,
        PurchaseRate = Rate.FromPercent(10),
        ItemBonuses = { ["ka"] = 5000 },
        ExpireAfterDays = 365,
        Prices = { ["bootcamp"] = 800, ["trial-class"] = 50 },
    };

    public static ReferralCredits Ledger(FakeTimeProvider clock, CreditOptions? options = null) => new(options ?? Options(), clock);
}
